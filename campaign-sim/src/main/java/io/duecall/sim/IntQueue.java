package io.duecall.sim;

/** A first-in first-out queue of ints on a ring buffer, with removal of a given value (rare, linear). */
final class IntQueue {
    private int[] items = new int[64];
    private int head;
    private int size;

    void add(int v) {
        grow();
        items[(head + size++) % items.length] = v;
    }

    void addFirst(int v) {
        grow();
        head = (head - 1 + items.length) % items.length;
        items[head] = v;
        size++;
    }

    int poll() {
        int v = items[head];
        head = (head + 1) % items.length;
        size--;
        return v;
    }

    boolean remove(int v) {
        for (int i = 0; i < size; i++) {
            if (items[(head + i) % items.length] == v) {
                for (int j = i; j > 0; j--) {
                    items[(head + j) % items.length] = items[(head + j - 1) % items.length];
                }
                head = (head + 1) % items.length;
                size--;
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    private void grow() {
        if (size < items.length) {
            return;
        }
        int[] bigger = new int[items.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = items[(head + i) % items.length];
        }
        items = bigger;
        head = 0;
    }
}
