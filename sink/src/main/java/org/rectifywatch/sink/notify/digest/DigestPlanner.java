package org.rectifywatch.sink.notify.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rectifywatch.sink.notify.config.ChannelKind;

/**
 * Cuts the next digest from what waits for a channel, oldest first. A backfill — more than
 * {@code backfillPending} items waiting, or at least {@code backfillOld} whose event is older than
 * {@code backfillAge} (a first run over old data) — is sent as compact digests of up to {@code backfillMaxItems}
 * lines headed by a summary of the whole backlog, instead of one detailed message per few items; otherwise up to
 * {@code maxItems} detailed items. A digest never exceeds the receiver's message size. Pure.
 */
public final class DigestPlanner {
    public record Settings(int maxItems, int backfillMaxItems, Duration backfillAge, int backfillOld, int backfillPending,
                           String dashboardUrl) {
    }

    private DigestPlanner() {
    }

    public static boolean backfill(List<Notice> pending, Settings s, Instant now) {
        if (pending.size() > s.backfillPending()) {
            return true;
        }
        Instant old = now.minus(s.backfillAge());
        return pending.stream().filter(n -> n.eventTime() != null && n.eventTime().isBefore(old)).limit(s.backfillOld()).count()
                >= s.backfillOld();
    }

    public static Digest next(String channel, ChannelKind kind, List<Notice> pending, Settings s, Instant now) {
        boolean compact = backfill(pending, s, now);
        String summary = compact ? summary(pending) : null;
        int max = compact ? s.backfillMaxItems() : s.maxItems();
        List<Notice> chosen = new ArrayList<>();
        for (Notice n : pending) {
            if (chosen.size() == max) {
                break;
            }
            chosen.add(n);
            if (chosen.size() > 1 && tooLong(Digest.of(channel, chosen, compact, summary), kind, s)) {
                chosen.remove(chosen.size() - 1);
                break;
            }
        }
        Digest d = Digest.of(channel, chosen, compact, summary);
        if (!compact && tooLong(d, kind, s)) {
            d = Digest.of(channel, chosen, true, null); // one item too long for the robot: its one-line form
        }
        return d;
    }

    /** Items that form a digest the same channel sent before (its intent was recorded), in that order. */
    public static Digest repeat(String channel, List<Notice> items, List<Notice> pending, Settings s, Instant now) {
        boolean compact = backfill(pending, s, now);
        return Digest.of(channel, items, compact, compact ? summary(pending) : null);
    }

    private static boolean tooLong(Digest d, ChannelKind kind, Settings s) {
        return DigestText.utf8Length(DigestText.markdown(d, s.dashboardUrl())) > kind.maxBytes();
    }

    /** What waits, by category, with how many units and provinces it concerns. */
    static String summary(List<Notice> pending) {
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        pending.forEach(n -> byCategory.merge(n.category(), 1, Integer::sum));
        long units = pending.stream().map(Notice::unit).filter(Objects::nonNull).distinct().count();
        long provinces = pending.stream().map(Notice::province).filter(Objects::nonNull).distinct().count();
        StringBuilder b = new StringBuilder("回溯：共 ").append(pending.size()).append(" 条待发送（");
        List<String> parts = new ArrayList<>();
        byCategory.forEach((c, k) -> parts.add(c + " " + k + " 条"));
        b.append(String.join("、", parts)).append("；涉及 ").append(units).append(" 个单位、").append(provinces)
                .append(" 个省份），为免刷屏逐条简要列出、分批发送，详情见看板。");
        return b.toString();
    }
}
