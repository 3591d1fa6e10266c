-- The lexicon's classes: the word lists of the recogniser, the event coder
-- and the date reader are rows of diplomat.lexicon that users can change.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS diplomat;
SET search_path = public, diplomat;

-- the classes of the rule words, with their values where they have one
SELECT class, count(*) AS words, count(value) AS with_value,
       min(value::int) FILTER (WHERE value ~ '^-?[0-9]+$') AS lowest, max(value::int) FILTER (WHERE value ~ '^-?[0-9]+$') AS highest
  FROM lexicon WHERE class IN ('DATE_MONTH', 'DATE_WEEKDAY', 'DATE_DAY', 'DATE_DIRECTION', 'ORG_ROLE', 'NEGATION', 'LEGAL_FORM')
 GROUP BY class ORDER BY class;
SELECT word, value FROM lexicon WHERE class = 'DATE_MONTH' AND word IN ('jan.', 'may', 'sept.') ORDER BY word;

-- a new month: a month word for the recogniser (MONTH), with its number for
-- the date reader (DATE_MONTH); "Juin 5" becomes a date
SELECT text, kind, name FROM mentions('The summit opens on Juin 5 in Paris.', '2024-01-12') WHERE kind <> 'GPE';
INSERT INTO lexicon (word, class, value) VALUES ('juin', 'MONTH', NULL), ('juin', 'DATE_MONTH', '6');
SELECT text, kind, name FROM mentions('The summit opens on Juin 5 in Paris.', '2024-01-12') WHERE kind <> 'GPE';

-- a new negation: the meeting did not happen
SELECT code, source, target FROM events('Blinken barely met Wang Yi in Beijing.', '2024-01-12');
INSERT INTO lexicon (word, class) VALUES ('barely', 'NEGATION');
SELECT code, source, target FROM events('Blinken barely met Wang Yi in Beijing.', '2024-01-12');

-- an organisation word with its CAMEO role: "... Bureau" names a government body
SELECT text, kind, actor, rule FROM mentions('The Fooland Statistics Bureau said prices rose.') WHERE kind = 'ORG';
INSERT INTO lexicon (word, class, value) VALUES ('bureau', 'ORG_ROLE', 'GOV');
SELECT text, kind, actor, rule FROM mentions('The Fooland Statistics Bureau said prices rose.') WHERE kind = 'ORG';

-- values are checked: a number in range, a role code, none for other classes
INSERT INTO lexicon (word, class, value) VALUES ('juillet', 'DATE_MONTH', '13'); -- ERROR
INSERT INTO lexicon (word, class) VALUES ('juillet', 'DATE_MONTH'); -- ERROR
INSERT INTO lexicon (word, class, value) VALUES ('office', 'ORG_ROLE', 'XYZ'); -- ERROR
INSERT INTO lexicon (word, class, value) VALUES ('hardly', 'NEGATION', '1'); -- ERROR
INSERT INTO lexicon (word, class) VALUES ('hardly', 'NO_SUCH_CLASS'); -- ERROR

-- the changes are user rows, removable like any other
DELETE FROM lexicon WHERE NOT builtin;
SELECT text, kind, name FROM mentions('The summit opens on Juin 5 in Paris.', '2024-01-12') WHERE kind <> 'GPE';
SELECT count(*) AS user_rows FROM lexicon WHERE NOT builtin;
