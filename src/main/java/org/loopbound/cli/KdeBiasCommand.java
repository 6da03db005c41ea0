package org.loopbound.cli;

import picocli.CommandLine.Command;

/** {@code loopbound kde-bias}: under construction in this session; registered so that Main's command list is fixed. */
@Command(name = "kde-bias", description = "Not implemented yet.")
public final class KdeBiasCommand implements Runnable {

    @Override
    public void run() {
        throw new UsageError("'kde-bias' is not implemented yet");
    }
}
