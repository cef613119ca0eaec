package org.memnav.scenes.nav;

import java.util.Arrays;

/**
 * A binary min-heap of grid cells keyed by cost, without boxing: the open list of the grid
 * searches. Duplicates are allowed (a cell is pushed again when its cost improves; stale entries
 * are skipped by the caller).
 */
final class CellHeap {

    private double[] keys = new double[1024];
    private int[] cells = new int[1024];
    private int size;

    void clear() {
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void push(double key, int cell) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            cells = Arrays.copyOf(cells, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            keys[i] = keys[parent];
            cells[i] = cells[parent];
            i = parent;
        }
        keys[i] = key;
        cells[i] = cell;
    }

    double topKey() {
        return keys[0];
    }

    /** Removes the cell with the smallest key and returns it. */
    int pop() {
        int top = cells[0];
        size--;
        if (size > 0) {
            double key = keys[size];
            int cell = cells[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (keys[child] >= key) {
                    break;
                }
                keys[i] = keys[child];
                cells[i] = cells[child];
                i = child;
            }
            keys[i] = key;
            cells[i] = cell;
        }
        return top;
    }
}
