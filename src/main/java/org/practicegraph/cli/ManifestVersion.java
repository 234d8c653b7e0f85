package org.practicegraph.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest ("dev" when run from classes). */
final class ManifestVersion implements IVersionProvider {
    @Override public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"practice-graph " + (v == null ? "dev" : v)};
    }
}
