package org.practicegraph.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.practicegraph.rdf.Iris;

/** The explorer's small pure parts: figures, highlighting, charts, links, grouping, canned questions. */
class ExplorerPartsTest {
    static BigDecimal d(String s) { return new BigDecimal(s); }

    @Test
    void figuresReadAsPeopleWriteThem() {
        assertThat(MetricText.format(d("89.0"), "percent", d("40.0"), null)).isEqualTo("40% → 89%");
        assertThat(MetricText.format(d("89"), "percent", null, d("80"))).isEqualTo("89% vs 80% expected");
        assertThat(MetricText.format(d("1200"), "GBP", null, null)).isEqualTo("£1,200");
        assertThat(MetricText.format(d("12.5"), "percent", null, null)).isEqualTo("12.5%");
        assertThat(MetricText.format(d("3"), "days", null, null)).isEqualTo("3 days");
        assertThat(MetricText.format(d("1"), "days", null, null)).isEqualTo("1 day");
        assertThat(MetricText.format(d("250"), "count", d("100"), d("300"))).isEqualTo("100 → 250 vs 300 expected");
        assertThat(MetricText.format(d("7"), null, null, null)).isEqualTo("7");
    }

    @Test
    void highlightingMarksOverlappingSpansByKindAndEscapesText() {
        String text = "A <b>board</b> met. Staff & carers joined.";
        String html = Highlighter.html(text, List.of(
                new Highlighter.Span(0, 19, "initiative", "board"),
                new Highlighter.Span(2, 14, "partner", "<b>"),
                new Highlighter.Span(20, 42, "outcome", null)));
        assertThat(html).doesNotContain("<b>").contains("&lt;b&gt;board&lt;/b&gt;").contains("Staff &amp; carers");
        // the overlap carries both kinds; each span has one anchor at its start
        assertThat(html).contains("<mark class=\"k-initiative k-partner in-s-0-19 in-s-2-14\"");
        assertThat(html).containsOnlyOnce("id=\"s-0-19\"").containsOnlyOnce("id=\"s-2-14\"").containsOnlyOnce("id=\"s-20-42\"");
        // the text survives intact once tags are stripped and entities decoded
        assertThat(org.jsoup.Jsoup.parse(html).text()).isEqualTo(text);
    }

    @Test
    void spansOutsideTheTextAreIgnoredAndBadSpansRefused() {
        assertThat(Highlighter.html("short", List.of(new Highlighter.Span(2, 99, "initiative", "x")))).isEqualTo("short");
        assertThatThrownBy(() -> new Highlighter.Span(5, 2, "initiative", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void heatLevelsGrowWithTheCount() {
        assertThat(Charts.level(0, 10)).isZero();
        assertThat(Charts.level(1, 10)).isEqualTo(1);
        assertThat(Charts.level(5, 10)).isEqualTo(3);
        assertThat(Charts.level(10, 10)).isEqualTo(5);
        assertThat(Charts.level(3, 0)).isZero();
    }

    @Test
    void barChartsAreLabelledAndEscaped() {
        String svg = Charts.bars("Scores <&>", List.of(new Charts.Bar("Score 3", 4, null), new Charts.Bar("Score <4>", 1, null)));
        assertThat(svg).startsWith("<svg").contains("role=\"img\"").contains("<title>Scores &lt;&amp;&gt;</title>")
                .contains("Score &lt;4&gt;").doesNotContain("Score <4>");
        assertThat(svg).contains("width=\"360.0\"").contains("width=\"90.0\""); // longest bar full width, the other in proportion
    }

    @Test
    void dataIrisMapToPagesAndBack() {
        Links links = new Links(Iris.DEFAULT);
        String base = Iris.DEFAULT.base();
        assertThat(links.page(base + "authority/hillingdon")).isEqualTo("/authorities/hillingdon");
        assertThat(links.page(base + "authority/unidentified/000_x")).isEqualTo("/authorities/unidentified/000_x");
        assertThat(links.page(base + "initiative/003_x/apprenticeships")).isEqualTo("/initiatives/003_x/apprenticeships");
        assertThat(links.page("https://w3id.org/practice-graph/def/initiative-type/co-production")).isEqualTo("/practices/co-production");
        assertThat(links.page(base + "evidence/003_x/1-2")).isEqualTo("/doc/evidence/003_x/1-2");
        assertThat(links.page("http://statistics.data.gov.uk/id/statistical-geography/E09000017"))
                .isEqualTo("http://statistics.data.gov.uk/id/statistical-geography/E09000017");
        assertThat(links.iri("/partners/social-work-england")).contains(base + "partner/social-work-england");
        assertThat(links.iri("/partners/")).isEmpty();
        assertThat(links.evidence(base + "report/003_x", "10", "20")).isEqualTo("/reports/003_x#s-10-20");
    }

    @Test
    void groupingKeepsFirstSeenOrderAndDistinctChildren() {
        List<Map<String, Object>> rows = List.of(
                Map.of("k", "a", "q", "one"), Map.of("k", "b", "q", "two"), Map.of("k", "a", "q", "one"), Map.of("k", "a", "q", "three"));
        List<Map<String, Object>> groups = Rows.group(rows, "k", "quotes", List.of("q"));
        assertThat(groups).extracting(g -> g.get("k")).containsExactly("a", "b");
        assertThat(groups.get(0).get("quotes")).isEqualTo(List.of(Map.of("q", "one"), Map.of("q", "three")));
        assertThat(groups.get(0).get("quotesCount")).isEqualTo(2);
    }

    @Test
    void cannedQuestionsComeFromTheOpeningComment() {
        assertThat(CannedQueries.question("# Which partners\n# work with two authorities?\n# More.\nSELECT")).isEqualTo("Which partners work with two authorities?");
        assertThat(CannedQueries.question("SELECT * {}")).isEmpty();
        List<CannedQueries.Canned> all = CannedQueries.all();
        assertThat(all).extracting(CannedQueries.Canned::name).contains("authorities-by-score", "initiatives-in-score-4-authorities");
        assertThat(all).allSatisfy(c -> assertThat(c.question()).as(c.name()).isNotBlank());
    }
}
