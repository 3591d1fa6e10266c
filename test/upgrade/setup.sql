-- What a user has in a database before an upgrade or a dump: dictionary
-- edits of every kind, a table with generated and plain typed columns,
-- GIN, btree and expression indexes, and a trained model.  Run with psql
-- variables to_entities and to_topics set to the extraction functions'
-- names (0.1 called them entities and topics).
SET client_min_messages = warning;
SET datestyle = 'ISO, YMD';

-- dictionary edits: new rows in every table, a changed and a deleted
-- builtin row, a user row with the key of a builtin one, a removal by hand
INSERT INTO diplomat.gazetteer (kind, name, country, actor, aliases, valid_from)
VALUES ('PER', 'Zorblax Quimby', 'FJI', NULL, '{"Z. Quimby"}', '2019-01-01'),
       ('GPE', 'Quarnia', 'NZL', 'NZL', '{}', NULL);
INSERT INTO diplomat.offices (person, office, title, country, actor, start_date, end_date)
VALUES ('Zorblax Quimby', 'foreign_minister', 'Foreign Minister', 'FJI', 'FJIGOV', '2019-03-01', '2021-02-28');
INSERT INTO diplomat.roles (term, role, use) VALUES ('chief quibbler', 'GOV', 'title');
INSERT INTO diplomat.lexicon (word, class) VALUES ('zorblax', 'GIVEN');
INSERT INTO diplomat.verbs VALUES ('upbraid', 'upbraids', 'upbraided', 'upbraided', 'upbraiding');
INSERT INTO diplomat.patterns (code, pattern, note) VALUES ('111', '{upbraid} +', 'X upbraided Y');
INSERT INTO diplomat.topic_defs (key, label, parent) VALUES ('deep_sea_mining', 'Deep-sea mining', 'environment');
INSERT INTO diplomat.topic_terms (topic, term, weight)
VALUES ('deep_sea_mining', 'seabed mining', 5), ('deep_sea_mining', 'polymetallic nodules', 5);
UPDATE diplomat.gazetteer SET country = 'TON', actor = 'TON' WHERE kind = 'GPE' AND name = 'Samoa' AND builtin;
DELETE FROM diplomat.gazetteer WHERE kind = 'GPE' AND name = 'Fiji' AND builtin;
INSERT INTO diplomat.gazetteer (kind, name, country, actor) VALUES ('GPE', 'Tonga', 'NZL', 'NZL');
INSERT INTO diplomat.dictionary_removed VALUES ('gazetteer', 'GPE:Vanuatu');

-- a table of articles with stored values of every type: generated
-- columns, values written as literals, and values the user derived
CREATE TABLE public.articles (
    id        integer PRIMARY KEY,
    published date,
    body      text,
    ents      diplomat.entities GENERATED ALWAYS AS (diplomat.:to_entities(body, published)) STORED,
    tops      diplomat.topics GENERATED ALWAYS AS (diplomat.:to_topics(body)) STORED,
    lit_entity   diplomat.entity DEFAULT 'PER:Antony Blinken@USA',
    lit_entities diplomat.entities DEFAULT 'GPE:China@CHN:2, PER:"Antony Blinken"@USA:3',
    lit_query    diplomat.newsquery DEFAULT 'PER:"Antony Blinken" & (GPE:Taiwan | topic:cross_strait) & !ORG:NATO',
    lit_topics   diplomat.topics DEFAULT 'sport:0.5, politics:0.25',
    lit_codes    diplomat.cameo[] DEFAULT '{043,0211,19}',
    lit_actors   diplomat.actor[] DEFAULT '{USAGOV,IGOUNO,CHN}',
    first     diplomat.entity,
    query     diplomat.newsquery,
    codes     diplomat.cameo[],
    actors    diplomat.actor[],
    evs       diplomat.event[]
);
INSERT INTO public.articles (id, published, body) VALUES
 (1, '2023-06-19', E'Blinken Meets Xi in Beijing\n\nBEIJING - U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang in Beijing on Sunday. Blinken later met President Xi Jinping, and the two sides discussed Taiwan and fentanyl.'),
 (2, '2020-06-01', 'Foreign Minister Zorblax Quimby upbraided Samoa and Tonga over seabed mining and polymetallic nodules.'),
 (3, '2022-06-01', 'Zorblax Quimby met envoys from Quarnia, Fiji and Vanuatu in Suva.'),
 (4, '2022-03-01', 'Russian troops shelled Kharkiv as Ukrainian President Volodymyr Zelensky called on NATO to close the skies.'),
 (5, '2024-05-10', 'The striker scored twice as the home side won the league match.');
CREATE INDEX articles_ents ON public.articles USING gin (ents);
CREATE INDEX articles_tops ON public.articles USING gin (tops);
CREATE INDEX articles_first ON public.articles (first);
CREATE INDEX articles_entities_expr ON public.articles USING gin (diplomat.:to_entities(body, published));
CREATE TABLE public.coded (id integer, code diplomat.cameo, source diplomat.actor);
CREATE INDEX coded_code ON public.coded (code);
\ir derive.sql

-- a trained model
CREATE TABLE public.train_docs (body text, label text);
INSERT INTO public.train_docs VALUES
 ('The striker scored twice in the league final.', 'sport'), ('The home side won the cup match.', 'sport'),
 ('Heavy rain and strong winds are forecast for Oslo.', 'weather'), ('Snow is forecast for Dublin on Monday.', 'weather');
SELECT rows FROM diplomat.train_topics('upgrade_model', 'SELECT body, label FROM public.train_docs');
