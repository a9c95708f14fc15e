-- Statements DBeaver's PostgreSQL driver sends when it connects and when its navigator opens a
-- schema, collected from DBeaver's source (PostgreExecutionContext: current_schema(),session_user
-- and SHOW search_path) and from connection logs of DBeaver that other projects published; not
-- captured from a running DBeaver here. Bound parameters are ${...}. Statements are separated by
-- lines holding only ';;'.
SELECT current_database()
;;
SELECT db.oid,db.* FROM pg_catalog.pg_database db WHERE 1 = 1 AND datallowconn AND NOT datistemplate OR db.datname =${database}
;;
SELECT version()
;;
SELECT reset_val FROM pg_settings WHERE name = 'search_path'
;;
SELECT current_schema(),session_user
;;
SHOW search_path
;;
SELECT n.oid,n.*,d.description FROM pg_catalog.pg_namespace n LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid=n.oid AND d.objsubid=0 AND d.classoid='pg_namespace'::regclass ORDER BY nspname
;;
select * from pg_settings where name='standard_conforming_strings'
;;
SELECT * FROM pg_enum WHERE 1<>1 LIMIT 1
;;
SELECT reltype FROM pg_class WHERE 1<>1 LIMIT 1
;;
SELECT t.oid,t.*,c.relkind,format_type(nullif(t.typbasetype, 0), t.typtypmod) as base_type_name, d.description FROM pg_catalog.pg_type t LEFT OUTER JOIN pg_catalog.pg_class c ON c.oid=t.typrelid LEFT OUTER JOIN pg_catalog.pg_description d ON t.oid=d.objoid WHERE t.typname IS NOT NULL AND (c.relkind IS NULL OR c.relkind = 'c') AND t.typnamespace=${catalog_namespace}
;;
SELECT c.oid,c.*,d.description,pg_catalog.pg_get_expr(c.relpartbound, c.oid) as partition_expr,  pg_catalog.pg_get_partkeydef(c.oid) as partition_key FROM pg_catalog.pg_class c LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid=c.oid AND d.objsubid=0 AND d.classoid='pg_class'::regclass WHERE c.relnamespace=${namespace} AND c.relkind not in ('i','I','c')
;;
SELECT c.relname,a.*,pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) as def_value,dsc.description,dep.objid FROM pg_catalog.pg_attribute a INNER JOIN pg_catalog.pg_class c ON (a.attrelid=c.oid) LEFT OUTER JOIN pg_catalog.pg_attrdef ad ON (a.attrelid=ad.adrelid AND a.attnum = ad.adnum) LEFT OUTER JOIN pg_catalog.pg_description dsc ON (c.oid=dsc.objoid AND a.attnum = dsc.objsubid) LEFT OUTER JOIN pg_depend dep on dep.refobjid = a.attrelid AND dep.deptype = 'i' and dep.refobjsubid = a.attnum and dep.classid = dep.refclassid WHERE NOT a.attisdropped AND c.relkind not in ('i','I','c') AND c.relnamespace=${namespace} ORDER BY a.attnum
;;
SELECT a.oid,a.* FROM pg_catalog.pg_roles a ORDER BY a.rolname
;;
SELECT sa.* FROM pg_catalog.pg_stat_activity sa
