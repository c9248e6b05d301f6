"""A database function that moves everything held about a person to another area (a transfer).

The application's role may not update history or append-only tables, and sees only its scope;
this function, owned by the table owner, does exactly one thing past those limits: it moves the
rows that carry the person's id (records and their history) to the area the person is now in.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION keyworking_move_person(p_person bigint, p_area bigint, p_except text[])
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  previous_scope text := current_setting('keyworking.area_ids', true);
  tbl text;
BEGIN
  PERFORM set_config('keyworking.area_ids', (SELECT string_agg(id::text, ',') FROM areas_area), true);
  UPDATE dsr_person SET area_id = p_area WHERE id = p_person;
  UPDATE dsr_personevent SET area_id = p_area WHERE id = p_person;
  FOR tbl IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.columns a ON a.table_schema = c.table_schema AND a.table_name = c.table_name
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'person_id' AND a.column_name = 'area_id'
      AND t.table_type = 'BASE TABLE' AND NOT (c.table_name = ANY (p_except))
  LOOP
    EXECUTE format('UPDATE %I SET area_id = $1 WHERE person_id = $2', tbl) USING p_area, p_person;
  END LOOP;
  PERFORM set_config('keyworking.area_ids', coalesce(previous_scope, ''), true);
END $$;
"""

DROP = "DROP FUNCTION IF EXISTS keyworking_move_person(bigint, bigint, text[]);"


class Migration(migrations.Migration):
    dependencies = [("dsr", "0001_initial")]

    operations = [migrations.RunSQL(CREATE, DROP)]
