package io.duecall.sim;

import java.util.Arrays;

/** A binary heap of (time, kind, ref) events on primitive arrays; ties leave in insertion order. */
final class EventQueue {
    private double[] time = new double[1024];
    private long[] seq = new long[1024];
    private int[] kind = new int[1024];
    private int[] ref = new int[1024];
    private int size;
    private long counter;

    void push(double t, int k, int r) {
        if (size == time.length) {
            int n = size * 2;
            time = Arrays.copyOf(time, n);
            seq = Arrays.copyOf(seq, n);
            kind = Arrays.copyOf(kind, n);
            ref = Arrays.copyOf(ref, n);
        }
        int i = size++;
        long s = counter++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(t, s, time[parent], seq[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, t, s, k, r);
    }

    boolean isEmpty() {
        return size == 0;
    }

    double peekTime() {
        return time[0];
    }

    int peekKind() {
        return kind[0];
    }

    int peekRef() {
        return ref[0];
    }

    void pop() {
        size--;
        if (size == 0) {
            return;
        }
        double t = time[size];
        long s = seq[size];
        int k = kind[size];
        int r = ref[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(time[child + 1], seq[child + 1], time[child], seq[child])) {
                child++;
            }
            if (!before(time[child], seq[child], t, s)) {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, t, s, k, r);
    }

    private static boolean before(double t1, long s1, double t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void move(int from, int to) {
        set(to, time[from], seq[from], kind[from], ref[from]);
    }

    private void set(int i, double t, long s, int k, int r) {
        time[i] = t;
        seq[i] = s;
        kind[i] = k;
        ref[i] = r;
    }
}
