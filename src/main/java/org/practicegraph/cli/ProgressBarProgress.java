package org.practicegraph.cli;

import org.practicegraph.store.Loader;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A terminal progress bar for loads, with the rate in reports per second and the file in hand;
 * nothing when output is not a terminal (scripts, CI logs).
 */
final class ProgressBarProgress implements Loader.Progress {
    private ProgressBar bar;

    /** @return a progress bar on an interactive terminal, else {@link Loader.Progress#NONE} */
    static Loader.Progress forConsole() {
        return System.console() != null ? new ProgressBarProgress() : Loader.Progress.NONE;
    }

    @Override public void start(int files) {
        bar = new ProgressBarBuilder().setTaskName("Loading").setInitialMax(files).setUnit(" reports", 1)
                .setStyle(ProgressBarStyle.ASCII).showSpeed(new java.text.DecimalFormat("0.0")).continuousUpdate().build();
    }

    @Override public void step(String file) {
        bar.setExtraMessage(file);
        bar.step();
    }

    @Override public void finish() {
        if (bar != null) bar.close();
    }
}
