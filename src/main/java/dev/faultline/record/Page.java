package dev.faultline.record;

import java.util.List;

/** One page of a list: {@code {"items":[...],"total":N,"limit":L,"offset":O}}. */
public record Page<T>(List<T> items, long total, int limit, int offset) {

    public boolean hasNext() {
        return offset + items.size() < total;
    }

    public boolean hasPrevious() {
        return offset > 0;
    }
}
