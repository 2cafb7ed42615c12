package dev.aivoicebot.call;

/** Lets tests in other packages start draining, as shutdown does. */
public final class ServiceStates {

    private ServiceStates() {
    }

    public static void startDraining(ServiceState state) {
        state.startDraining();
    }
}
