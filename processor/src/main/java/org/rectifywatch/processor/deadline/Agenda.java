package org.rectifywatch.processor.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Which tracked entries need attention on which day, as a store keyed {@code YYYY-MM-DD␁entryKey}: ISO days sort
 * as strings, so the entries due by today are one range scan, and the punctuator's cost grows with what is due,
 * not with everything tracked. An entry sits in at most one slot; it remembers its slot so it can move.
 */
public final class Agenda {
    private static final String SEP = "\u0001";
    /** Sorts after {@link #SEP}: the upper bound of one day's slots. */
    private static final String AFTER_DAY = "\u0002";

    private final KeyValueStore<String, String> store;

    public Agenda(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /** Moves {@code entryKey} from its old slot (may be null) to {@code day} (null: no slot); returns the new slot. */
    public String reschedule(String entryKey, String oldDay, LocalDate day) {
        String newDay = day == null ? null : day.toString();
        if (oldDay != null && !oldDay.equals(newDay)) {
            store.delete(oldDay + SEP + entryKey);
        }
        if (newDay != null && !newDay.equals(oldDay)) {
            store.put(newDay + SEP + entryKey, "");
        }
        return newDay;
    }

    /** The entries whose slot is on or before {@code today}, earliest first, at most {@code limit}. */
    public List<Slot> dueBy(LocalDate today, int limit) {
        List<Slot> out = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range("0000-00-00", today + AFTER_DAY)) {
            while (it.hasNext() && out.size() < limit) {
                KeyValue<String, String> kv = it.next();
                int sep = kv.key.indexOf(SEP);
                out.add(new Slot(kv.key.substring(0, sep), kv.key.substring(sep + 1)));
            }
        }
        return out;
    }

    /**
     * Takes every slot due by {@code today} off the agenda and hands it to {@code handle}, batch by batch (a long
     * outage's backlog included); {@code handle} may file the entry again.
     */
    public void takeDue(LocalDate today, int batch, java.util.function.Consumer<Slot> handle) {
        List<Slot> slots;
        do {
            slots = dueBy(today, batch);
            for (Slot s : slots) {
                clear(s);
                handle.accept(s);
            }
        } while (slots.size() == batch);
    }

    /** Removes a slot that was handled or whose entry is gone. */
    public void clear(Slot s) {
        store.delete(s.day() + SEP + s.entryKey());
    }

    public record Slot(String day, String entryKey) {
    }
}
