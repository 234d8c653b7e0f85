package org.practicegraph.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.PatternSyntaxException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Python's number and string formatting, and its regex dialect, as {@link Py} and {@link PyRegex} mimic them. */
class EvaluationTextTest {
    @ParameterizedTest(name = "f\"'{'{0}:.2f'}'\" = {1}")
    @CsvSource({"0.125,0.12", "0.375,0.38", "0.285,0.28", "0.6666666666666666,0.67", "1.0,1.00", "0,0.00", "0.005,0.01"})
    void fixed2RoundsTheExactBinaryValueHalfEven(double x, String python) {
        assertThat(Py.fixed2(x)).isEqualTo(python);
    }

    @ParameterizedTest(name = "repr({0}) = {1}")
    @CsvSource({"0.8,0.8", "1,1.0", "89,89.0", "1000000,1000000.0", "1e16,1e+16", "1.5e16,1.5e+16", "0.0001,0.0001",
            "0.00001,1e-05", "0.1,0.1", "-2.5,-2.5", "123456789012345.6,123456789012345.6"})
    void floatReprIsPythons(double x, String python) {
        assertThat(Py.repr(x)).isEqualTo(python);
    }

    @Test
    void stringReprIsPythons() {
        assertThat(Py.repr("Brunel")).isEqualTo("'Brunel'");
        assertThat(Py.repr("Carers' group")).isEqualTo("\"Carers' group\"");
        assertThat(Py.repr("a 'b' \"c\"")).isEqualTo("'a \\'b\\' \"c\"'");
        assertThat(Py.repr("tab\there\\ £5 – “ok”\u00a0\u200b")).isEqualTo("'tab\\there\\\\ £5 – “ok”\\xa0\\u200b'");
        assertThat(Py.head("£1,000", 2)).isEqualTo("£1");
    }

    @Test
    void floatParsesAsPythonsFloat() {
        assertThat(Py.toFloat(" 89 ")).isEqualTo(89.0);
        assertThat(Py.toFloat("1_000.5")).isEqualTo(1000.5);
        assertThat(Py.toFloat("1e3")).isEqualTo(1000.0);
        assertThat(Py.toFloat(".5")).isEqualTo(0.5);
        assertThat(Py.toFloat("5.")).isEqualTo(5.0);
        assertThat(Py.toFloat("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Py.toFloat("twelve")).isNull();
        assertThat(Py.toFloat("1d")).as("Java's suffix").isNull();
        assertThat(Py.toFloat("0x10")).isNull();
        assertThat(Py.toFloat(null)).isNull();
    }

    @ParameterizedTest(name = "/{0}/ finds {1} in \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "7[- ]minute|true|Seven and 7-Minute briefings",
            "\\bASYE\\b|false|ASYEs",
            "(?P<org>NHS) (?P=org)|true|nhs NHS",
            "(?P<a_b>x)|true|X",
            "a{,2}b|true|aab",
            "{x}|true|a{x}",
            "x{}|true|x{}",
            "[]x]+|true|]]",
            "[[a]|true|[",
            "[a&&b]|true|&",
            "\\x41\\u0042\\U00000043|true|abc",
            "\\101|true|A",
            "caf\\é|true|CAFÉ",
            "(?#note)crisis|true|Crisis"})
    void pythonPatternsMatchAsInPython(String python, boolean found, String text) {
        assertThat(PyRegex.compile(python).matcher(text).find()).isEqualTo(found);
    }

    @Test
    void onlyNewlineEndsALineAsInPython() {
        assertThat(PyRegex.compile("end\\Z").matcher("end\n").find()).isFalse();
        assertThat(PyRegex.compile("end$").matcher("end\n").find()).isTrue();
        assertThat(PyRegex.compile("a.b").matcher("a\nb").find()).isFalse();
        assertThat(PyRegex.compile("a.b").matcher("a\rb").find()).isTrue();
    }

    @ParameterizedTest(name = "/{0}/ is refused")
    @CsvSource({"\\p{L}", "\\Qx\\E", "[\\A]", "\\x4", "(?P=nope)", "{1}", "(crisis"})
    void patternsPythonRefusesAreRefused(String python) {
        assertThatThrownBy(() -> PyRegex.compile(python)).isInstanceOf(PatternSyntaxException.class);
    }
}
