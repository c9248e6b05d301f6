"""A database function that makes a referral's append-only trail follow the referral.

The application's role may not update append-only rows (change history, triage steps, outcome
records) and sees only its scope. This function, owned by the table owner, does exactly one
thing past those limits: it sets the area and person of one referral's trail rows to the
referral's own. It runs after a forward (the trail goes to the receiving area with the
referral, so the area that forwarded no longer holds it) and after acceptance (the trail is
labelled with the person, so a transfer moves it and a subject access request finds it: on
these rows `person_id` says whom the row is about).
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION keyworking_referral_trail_follows(p_referral bigint)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  previous_scope text := current_setting('keyworking.area_ids', true);
  r_area bigint;
  r_person bigint;
BEGIN
  PERFORM set_config('keyworking.area_ids', (SELECT string_agg(id::text, ',') FROM areas_area), true);
  SELECT area_id, person_id INTO r_area, r_person FROM referrals_referral WHERE id = p_referral;
  IF r_area IS NOT NULL THEN
    UPDATE referrals_referralevent SET area_id = r_area, person_id = r_person WHERE pgh_obj_id = p_referral;
    UPDATE referrals_triagestep SET area_id = r_area, person_id = r_person WHERE referral_id = p_referral;
    UPDATE referrals_outcomecommunication SET area_id = r_area, person_id = r_person WHERE referral_id = p_referral;
  END IF;
  PERFORM set_config('keyworking.area_ids', coalesce(previous_scope, ''), true);
END $$;
"""

DROP = "DROP FUNCTION IF EXISTS keyworking_referral_trail_follows(bigint);"


class Migration(migrations.Migration):
    dependencies = [("referrals", "0001_initial")]

    operations = [migrations.RunSQL(CREATE, DROP)]
