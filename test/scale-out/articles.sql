-- Generated news articles for test/scale-out.sh and bench/scale-out.sh:
-- :n articles with ids from :first (psql -v n=300 -v first=1000), written
-- by the team from templates.  Each event is reported three times, on the
-- same day, by articles with consecutive ids (so, mostly, on different
-- shards): the same core sentence under a different lead and background,
-- so that the one-a-day filter has duplicates to remove across shards.
-- The officials hold the offices named on the publication dates (January
-- to June 2024).  Deterministic: the same n and first give the same rows.
INSERT INTO articles (id, published, body)
WITH pairs (k, a, b, a_short, city, dateline) AS (VALUES
    (0, 'Secretary of State Antony Blinken', 'Chinese Foreign Minister Wang Yi', 'Blinken', 'Beijing', 'BEIJING'),
    (1, 'Defense Secretary Lloyd Austin', 'Chinese Defense Minister Dong Jun', 'Austin', 'Singapore', 'SINGAPORE'),
    (2, 'President Joe Biden', 'Chinese President Xi Jinping', 'Biden', 'San Francisco', 'SAN FRANCISCO'),
    (3, 'Russian Foreign Minister Sergei Lavrov', 'Ukrainian Foreign Minister Dmytro Kuleba', 'Lavrov', 'Antalya', 'ANTALYA'),
    (4, 'Japanese Foreign Minister Yoko Kamikawa', 'South Korean Foreign Minister Cho Tae-yul', 'Kamikawa', 'Tokyo', 'TOKYO'),
    (5, 'German Foreign Minister Annalena Baerbock', 'Indian External Affairs Minister Subrahmanyam Jaishankar', 'Baerbock', 'New Delhi', 'NEW DELHI'),
    (6, 'Chinese Foreign Minister Wang Yi', 'Secretary of State Antony Blinken', 'Wang', 'Washington', 'WASHINGTON'),
    (7, 'Treasury Secretary Janet Yellen', 'Chinese Premier Li Qiang', 'Yellen', 'Beijing', 'BEIJING'),
    (8, 'Turkish Foreign Minister Hakan Fidan', 'Australian Foreign Minister Penny Wong', 'Fidan', 'Ankara', 'ANKARA')),
acts (k, headline, core) AS (VALUES
    (0, '%4$s meets counterpart', '%1$s met %2$s in %3$s.'),
    (1, '%4$s holds talks', '%1$s held talks with %2$s in %3$s.'),
    (2, '%4$s criticizes counterpart', '%1$s criticized %2$s over the dispute.'),
    (3, '%4$s accuses counterpart', '%1$s accused %2$s of undermining the talks.'),
    (4, '%4$s praises counterpart', '%1$s praised %2$s for the agreement.'),
    (5, '%4$s threatens sanctions', '%1$s threatened %2$s with sanctions.'),
    (6, '%4$s hosts counterpart', '%1$s hosted %2$s in %3$s.'),
    (7, '%4$s rejects proposal', '%1$s rejected a proposal from %2$s.'),
    (8, '%4$s signs agreement', '%1$s signed an agreement with %2$s in %3$s.'),
    (9, '%4$s calls counterpart', '%1$s spoke by phone with %2$s.')),
leads (k, lead) AS (VALUES
    (0, '%s - '),
    (1, '%s (Reuters) - '),
    (2, '%s (AP) - ')),
background (k, txt) AS (VALUES
    (0, 'The talks covered Taiwan, the South China Sea and the flow of fentanyl precursors.'),
    (1, 'Trade tariffs, export controls on chips and the war in Ukraine were also discussed.'),
    (2, 'Officials said the two sides would keep military channels open to avoid miscalculation.'),
    (3, 'The meeting came weeks after missile tests by North Korea alarmed the region.'),
    (4, 'Climate finance and the energy transition were on the agenda, diplomats said.'),
    (5, 'Human rights groups urged both governments to raise the fate of detained journalists.'),
    (6, 'Shipping through the Red Sea, disrupted by Houthi attacks, was also discussed.')),
g AS (SELECT i, i / 3 AS e, i % 3 AS r FROM generate_series(0, :n - 1) AS i)
SELECT :first + g.i,
       date '2024-01-15' + (g.e * 7) % 165,
       pg_catalog.format(a.headline, p.a, p.b, p.city, p.a_short) || E'\n\n'
       || pg_catalog.format(l.lead, p.dateline)
       || pg_catalog.format(a.core, p.a, p.b, p.city) || ' '
       || (SELECT b.txt FROM background b WHERE b.k = (g.e + g.r) % 7) || E'\n\n'
       || (SELECT b.txt FROM background b WHERE b.k = (g.e * 3 + g.r + 1) % 7)
  FROM g
  JOIN pairs p ON p.k = g.e % 9
  JOIN acts a ON a.k = (g.e / 9) % 10
  JOIN leads l ON l.k = g.r;
