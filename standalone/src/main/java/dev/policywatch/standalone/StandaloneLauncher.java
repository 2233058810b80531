package dev.policywatch.standalone;

/**
 * Starts the standalone, with the demo site first when asked for ({@code --demo}): the demo needs its
 * site's address in the sources before the crawler starts.
 */
final class StandaloneLauncher {

    private StandaloneLauncher() {
    }

    static Standalone launch(StandaloneOptions options) {
        return Standalone.start(options);
    }
}
