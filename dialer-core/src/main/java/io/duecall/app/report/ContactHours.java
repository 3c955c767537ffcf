package io.duecall.app.report;

import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.window.PeakWindow;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * When debtors answer: the calls of a range (one campaign's, or every campaign's when {@code campaign} is null) by
 * the debtor's local weekday and hour at the originate, the time the calling window was judged in, each cell with
 * its calls, the live answers (a person, not a machine) and the conversations with the verified debtor; and the
 * peak windows the rules favour, to hold against them. Cells run Monday 00:00 to Sunday 23:00, all 168 of them.
 */
public record ContactHours(CampaignId campaign, ReportRange range, List<Cell> cells, List<PeakWindow> peaks) {

    /** One debtor-local hour of one weekday: {@code weekday} 1 (Monday) to 7, {@code hour} 0-23. */
    public record Cell(int weekday, int hour, long dials, long answers, long rightPartyContacts) {
        /** Live answers over calls, 0 without calls. */
        public double contactRate() {
            return dials == 0 ? 0 : (double) answers / dials;
        }
    }

    public ContactHours {
        cells = List.copyOf(cells);
        peaks = List.copyOf(peaks);
    }

    /** Counts the lines originated on the range's days in {@code zone}; test calls are left out. */
    static ContactHours of(Lines lines, CampaignId campaign, ReportRange range, ZoneId zone) {
        var counts = new long[7 * 24][3];
        lines.forEach(line -> {
            if (line.test() || (campaign != null && !campaign.equals(line.campaign()))
                    || !range.contains(line.originatedAt(), zone)) {
                return;
            }
            var local = line.debtorLocalTime();
            var cell = counts[(local.getDayOfWeek().getValue() - 1) * 24 + local.getHour()];
            cell[0]++;
            cell[1] += line.outcome() == CallOutcome.ANSWERED ? 1 : 0;
            cell[2] += line.rightParty() ? 1 : 0;
        });
        var cells = new ArrayList<Cell>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            cells.add(new Cell(i / 24 + 1, i % 24, counts[i][0], counts[i][1], counts[i][2]));
        }
        return new ContactHours(campaign, range, cells, PeakWindow.defaults());
    }
}
