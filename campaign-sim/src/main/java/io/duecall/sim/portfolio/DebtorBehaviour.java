package io.duecall.sim.portfolio;

/**
 * How the simulated people answer and what they do in the IVR: shares of all calls for the network's outcomes, and
 * shares of the answered calls a person picks up for what they do. Read from a population file
 * ({@code --population population.yaml}); every key is optional.
 *
 * @param answerRate calls answered (by a person or a machine)
 * @param machineShare of answered calls, those a machine takes
 * @param busyShare of unanswered calls, those busy (the rest ring out, fail or meet congestion)
 * @param failedShare of unanswered calls, those that fail or meet congestion
 * @param wrongPartyShare of people, those who say they are not the debtor
 * @param hangUpAtGreetingShare of people, those who hang up before the right-party question is answered
 * @param promiseShare of verified debtors, those who promise the full amount
 * @param optOutShare of verified debtors, those who ask not to be called on this number
 * @param hangUpAfterAmountShare of verified debtors, those who hang up once they have heard the amount
 */
public record DebtorBehaviour(Double answerRate, Double machineShare, Double busyShare, Double failedShare,
        Double wrongPartyShare, Double hangUpAtGreetingShare, Double promiseShare, Double optOutShare,
        Double hangUpAfterAmountShare) {

    public DebtorBehaviour {
        answerRate = share("answerRate", answerRate, 0.45);
        machineShare = share("machineShare", machineShare, 0.25);
        busyShare = share("busyShare", busyShare, 0.25);
        failedShare = share("failedShare", failedShare, 0.2);
        wrongPartyShare = share("wrongPartyShare", wrongPartyShare, 0.12);
        hangUpAtGreetingShare = share("hangUpAtGreetingShare", hangUpAtGreetingShare, 0.1);
        promiseShare = share("promiseShare", promiseShare, 0.3);
        optOutShare = share("optOutShare", optOutShare, 0.05);
        hangUpAfterAmountShare = share("hangUpAfterAmountShare", hangUpAfterAmountShare, 0.25);
        if (busyShare + failedShare > 1) {
            throw new IllegalArgumentException("busyShare + failedShare: " + (busyShare + failedShare) + " (expected <= 1)");
        }
        if (wrongPartyShare + hangUpAtGreetingShare > 1) {
            throw new IllegalArgumentException("wrongPartyShare + hangUpAtGreetingShare: "
                    + (wrongPartyShare + hangUpAtGreetingShare) + " (expected <= 1)");
        }
        if (promiseShare + optOutShare + hangUpAfterAmountShare > 1) {
            throw new IllegalArgumentException("promiseShare + optOutShare + hangUpAfterAmountShare: "
                    + (promiseShare + optOutShare + hangUpAfterAmountShare) + " (expected <= 1)");
        }
    }

    public static DebtorBehaviour defaults() {
        return new DebtorBehaviour(null, null, null, null, null, null, null, null, null);
    }

    /** The defaults with another answer rate. */
    public DebtorBehaviour withAnswerRate(double rate) {
        return new DebtorBehaviour(rate, machineShare, busyShare, failedShare, wrongPartyShare, hangUpAtGreetingShare,
                promiseShare, optOutShare, hangUpAfterAmountShare);
    }

    private static double share(String key, Double value, double fallback) {
        var v = value == null ? fallback : value;
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(key + ": " + value + " (expected a share from 0 to 1)");
        }
        return v;
    }
}
