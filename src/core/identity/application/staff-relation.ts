/**
 * Staff accounts as a relation other domains may join in their own set-based
 * SQL (e.g. one INSERT … SELECT per batch that fans a message out to its
 * recipients), so that only this domain knows the staff_user table's shape.
 * Columns: user_id (uuid), username (text, the actor id), role (text),
 * opd_code (text, null for roles of no OPD), active (boolean).
 *
 * @example
 * await sql.query(`select s.user_id from (${STAFF_RELATION_SQL}) s where s.active and s.role = 'SUPERVISOR'`);
 */
export const STAFF_RELATION_SQL = 'select id as user_id, username, role, opd_code, active from staff_user';
