package org.loopbound.cli;

import picocli.CommandLine.Command;

/** {@code loopbound threshold}: under construction in this session; registered so that Main's command list is fixed. */
@Command(name = "threshold", description = "Not implemented yet.")
public final class ThresholdCommand implements Runnable {

    @Override
    public void run() {
        throw new UsageError("'threshold' is not implemented yet");
    }
}
