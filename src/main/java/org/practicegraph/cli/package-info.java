/**
 * The {@code practice-graph} command line (picocli): one class per command, wiring the stages
 * together. Commands parse options and report; the work lives in {@code store}, {@code server}
 * and below. Nothing imports this package.
 */
package org.practicegraph.cli;
