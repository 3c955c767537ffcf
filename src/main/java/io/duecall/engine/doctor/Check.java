package io.duecall.engine.doctor;

/** One line of the doctor's report: what was checked, what was found, and on a failure, what to do. */
public record Check(String name, boolean ok, String found, String fix) {
    public static Check ok(String name, String found) {
        return new Check(name, true, found, "");
    }

    public static Check fail(String name, String found, String fix) {
        return new Check(name, false, found, fix);
    }

    /** {@code OK    name: found} or {@code FAIL  name: found; fix: ...}. */
    public String line() {
        return (ok ? "OK    " : "FAIL  ") + name + ": " + found + (ok || fix.isEmpty() ? "" : "; fix: " + fix);
    }
}
