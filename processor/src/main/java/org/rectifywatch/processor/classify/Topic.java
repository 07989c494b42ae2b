package org.rectifywatch.processor.classify;

import java.util.Optional;

/** The 18 topic codes of the corpus taxonomy, each with the pillar of political inspection it belongs to. */
public enum Topic {
    THEORY_POLITICS("theory_politics", Pillar.D),
    ECONOMY("economy", Pillar.D),
    BUSINESS_ENV("business_env", Pillar.D),
    RISK_FINANCE("risk_finance", Pillar.D),
    LIVELIHOOD("livelihood", Pillar.D),
    RURAL("rural", Pillar.D),
    ENVIRONMENT("environment", Pillar.D),
    SAFETY_STABILITY("safety_stability", Pillar.D),
    IDEOLOGY("ideology", Pillar.D),
    PARTY_RESPONSIBILITY("party_responsibility", Pillar.S),
    SUPERVISION("supervision", Pillar.S),
    CONDUCT("conduct", Pillar.S),
    INTEGRITY("integrity", Pillar.S),
    FINANCE_ASSETS("finance_assets", Pillar.S),
    LEADERSHIP("leadership", Pillar.O),
    CADRES("cadres", Pillar.O),
    GRASSROOTS("grassroots", Pillar.O),
    RECTIFICATION("rectification", Pillar.R);

    /** D = 落实党中央决策部署, S = 全面从严治党, O = 新时代党的组织路线, R = 巡视整改和其他监督发现问题整改. */
    public enum Pillar { D, S, O, R }

    private final String code;
    private final Pillar pillar;

    Topic(String code, Pillar pillar) {
        this.code = code;
        this.pillar = pillar;
    }

    public String code() {
        return code;
    }

    public Pillar pillar() {
        return pillar;
    }

    public static Optional<Topic> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Topic t : values()) {
            if (t.code.equals(code.strip())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The pillar letter of a topic code, or null for an unknown code. */
    public static String pillarOf(String code) {
        return ofCode(code).map(t -> t.pillar.name()).orElse(null);
    }
}
