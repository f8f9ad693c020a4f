package ringtool.core.carve;

import java.util.Locale;

/**
 * How sure the carver is that a header is a live ring of the data size it chose, from 0 to 1. A header as Linux
 * keeps it is where every candidate starts; packets that hold the size's wrap arithmetic together, and a partner
 * ring at the distance of a channel's allocation, add to it.
 */
final class Confidence {

    /** A page that passes the header tests, and nothing more: page-cache copies and freed rings stop here. */
    static final double HEADER = 0.3;
    /** The first packet that holds together. */
    static final double FIRST_PACKET = 0.1;
    /** Each packet that holds together, the first included. */
    static final double PER_PACKET = 0.05;
    /** The most that packets add, whatever their number. */
    static final double PACKETS_MAX = 0.35;
    /** A ring opened and never used: indices 0 and the data area zero, the size unconfirmed by any packet. */
    static final double FRESH = 0.2;
    /** A partner header at a channel's distance, when either ring of the two shows evidence. */
    static final double PARTNER_WITH_EVIDENCE = 0.25;
    /** A partner header at a channel's distance, when neither ring shows any. */
    static final double PARTNER_ALONE = 0.1;
    /** The partner's own evidence. */
    static final double PARTNER_LIVE = 0.1;
    /** Never certain: the image has no symbols. */
    static final double MAX = 0.99;

    private Confidence() {
    }

    /**
     * @param partner the evidence of the other ring of the channel, or null for a lone header
     * @return rounded to two decimals, as reported
     */
    static double of(Evidence e, Evidence partner) {
        double confidence = HEADER;
        if (e.packets() > 0) {
            confidence += Math.min(PACKETS_MAX, FIRST_PACKET + PER_PACKET * e.packets());
        } else if (e.fresh()) {
            confidence += FRESH;
        }
        boolean partnerLive = partner != null && partner.any();
        if (partner != null) {
            confidence += e.any() || partnerLive ? PARTNER_WITH_EVIDENCE : PARTNER_ALONE;
        }
        if (partnerLive) {
            confidence += PARTNER_LIVE;
        }
        confidence = Math.min(MAX, confidence);
        return Math.round(confidence * 100) / 100.0;
    }

    /** As messages print it: {@code 0.85}. */
    static String format(double confidence) {
        return String.format(Locale.ROOT, "%.2f", confidence);
    }
}
