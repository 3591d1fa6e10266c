-- What the dictionaries cover: the country -> UN M49 region table,
-- dictionary_coverage() per region and sub-region, and the years and
-- regions of dictionary_info(), all computed from the tables.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS diplomat;
SET search_path = public, diplomat;
SET datestyle = 'ISO, YMD';

-- the regions: every current ISO code, the former states, CAMEO's codes
SELECT status, count(*), count(region) AS with_region FROM country_regions GROUP BY 1 ORDER BY 1;
SELECT region, count(DISTINCT subregion) AS subregions, count(*) AS codes
  FROM country_regions GROUP BY 1 ORDER BY 1;
SELECT code, m49, name, region, subregion, intermediate_region
  FROM country_regions
 WHERE code IN ('USA', 'CHN', 'NGA', 'BRA', 'FJI', 'SUN', 'DDR', 'YUG', 'CSK', 'ROM', 'ATA', 'TWN')
 ORDER BY code;
-- every country the dictionaries name has a region (Antarctica aside)
SELECT 'gazetteer' AS tbl, count(*) AS unknown_codes
  FROM (SELECT DISTINCT country FROM gazetteer WHERE country IS NOT NULL) g
 WHERE NOT EXISTS (SELECT 1 FROM country_regions r WHERE r.code = g.country AND r.region IS NOT NULL)
UNION ALL
SELECT 'offices', count(*)
  FROM (SELECT DISTINCT country FROM offices WHERE country IS NOT NULL) o
 WHERE NOT EXISTS (SELECT 1 FROM country_regions r WHERE r.code = o.country AND r.region IS NOT NULL);
-- ... and every region code is a valid country code of the actor type
SELECT count(*) AS not_actor_countries FROM country_regions WHERE actor_country(code::actor) IS NULL;

-- dictionary_coverage(): its counts are those of the tables
SELECT count(*) AS subregions,
       sum(countries) = (SELECT count(*) FROM country_regions WHERE region IS NOT NULL AND status <> 'cameo') AS countries,
       sum(offices) = (SELECT count(*) FROM offices o JOIN country_regions r ON r.code = o.country
                        WHERE r.region IS NOT NULL) AS offices,
       sum(people) = (SELECT count(*) FROM gazetteer g JOIN country_regions r ON r.code = g.country
                       WHERE g.kind = 'PER' AND r.region IS NOT NULL) AS people,
       sum(organisations) = (SELECT count(*) FROM gazetteer g JOIN country_regions r ON r.code = g.country
                              WHERE g.kind = 'ORG' AND r.region IS NOT NULL) AS organisations,
       sum(with_offices) = (SELECT count(DISTINCT o.country) FROM offices o JOIN country_regions r ON r.code = o.country
                             WHERE r.region IS NOT NULL) AS with_offices,
       min(offices_from) = (SELECT min(start_date) FROM offices o JOIN country_regions r ON r.code = o.country
                             WHERE r.region IS NOT NULL) AS offices_from,
       bool_and(with_offices <= countries AND with_people <= countries
                AND with_organisations <= countries) AS within_countries
  FROM dictionary_coverage();
-- the historical states are covered: their office holders are counted
SELECT r.code, count(o.*) > 0 AS has_offices, min(o.start_date) < '1990-01-01' AS before_1990
  FROM country_regions r LEFT JOIN offices o ON o.country = r.code
 WHERE r.code IN ('SUN', 'DDR', 'YUG', 'CSK') GROUP BY r.code ORDER BY r.code;

-- dictionary_info(): the image's columns as before, then the years and
-- the regions, equal to what the tables say
SELECT entities > 0 AS entities, source,
       offices_from = (SELECT min(start_date) FROM offices) AS offices_from,
       offices_to = (SELECT max(greatest(start_date, end_date)) FROM offices) AS offices_to,
       valid_from = (SELECT min(valid_from) FROM gazetteer) AS valid_from,
       valid_to = (SELECT max(valid_to) FROM gazetteer) AS valid_to,
       offices_from < '1979-01-01' AS since_1979,
       (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(regions) k) AS regions
  FROM dictionary_info();
SELECT count(*) AS regions,
       count(*) FILTER (WHERE (i.regions -> c.region ->> 'countries')::int = c.countries
                          AND (i.regions -> c.region ->> 'with_offices')::int = c.with_offices
                          AND (i.regions -> c.region ->> 'with_people')::int = c.with_people
                          AND (i.regions -> c.region ->> 'with_organisations')::int = c.with_organisations
                          AND (i.regions -> c.region ->> 'offices_from')::date IS NOT DISTINCT FROM c.offices_from)
         AS agree_with_coverage
  FROM dictionary_info() i,
       (SELECT region, sum(countries) AS countries, sum(with_offices) AS with_offices,
               sum(with_people) AS with_people, sum(with_organisations) AS with_organisations,
               min(offices_from) AS offices_from
          FROM dictionary_coverage() GROUP BY region) c;

-- computed, not written down: an office in Polynesia changes its coverage
-- at once, and an office of 1901 the earliest office date
BEGIN;
SELECT with_offices, with_people, offices, people
  FROM dictionary_coverage() WHERE subregion = 'Polynesia' \gset before_
INSERT INTO gazetteer (kind, name, country) VALUES ('PER', 'Zorblax Quimby', 'TON');
INSERT INTO offices (person, office, title, country, actor, start_date, end_date)
VALUES ('Zorblax Quimby', 'head_of_government', 'Prime Minister', 'TON', 'TONGOV', '1901-01-01', '1902-12-31');
SELECT with_offices - :before_with_offices AS more_with_offices, with_people - :before_with_people AS more_with_people,
       offices - :before_offices AS more_offices, people - :before_people AS more_people, offices_from
  FROM dictionary_coverage() WHERE subregion = 'Polynesia';
SELECT offices_from, regions -> 'Oceania' ->> 'offices_from' AS oceania_from FROM dictionary_info();
ROLLBACK;
SELECT with_offices = :before_with_offices AS as_before FROM dictionary_coverage() WHERE subregion = 'Polynesia';

-- anyone may read the regions; only the extension's owner changes them
CREATE ROLE regress_diplomat_coverage;
SET ROLE regress_diplomat_coverage;
SELECT count(*) > 0 AS readable FROM diplomat.country_regions;
SELECT count(*) > 0 AS coverage FROM diplomat.dictionary_coverage();
SELECT jsonb_typeof(regions) AS regions FROM diplomat.dictionary_info();
UPDATE diplomat.country_regions SET region = 'Europe' WHERE code = 'USA';
RESET ROLE;
DROP ROLE regress_diplomat_coverage;
