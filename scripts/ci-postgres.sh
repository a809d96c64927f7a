# Sourced by .ci/run: starts Debian's PostgreSQL (installed on the project machines, not running on a fresh
# one) and exports DATABASE_URL for the kiago role. Users' machines use scripts/local-postgres.mjs instead.
kiago_pg_version="$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)"
if [ -z "$kiago_pg_version" ]; then
  echo "[ci] installing postgresql from Debian's packages" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  kiago_pg_version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
fi
if ! pg_lsclusters -h | grep -q "^$kiago_pg_version main .* online"; then
  pg_ctlcluster --skip-systemctl-redirect "$kiago_pg_version" main start
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='kiago'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"CREATE ROLE kiago LOGIN SUPERUSER PASSWORD 'kiago'\""
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='kiago'\"" | grep -q 1 ||
  su postgres -c "createdb -O kiago kiago"
export DATABASE_URL="postgresql://kiago:kiago@127.0.0.1:5432/kiago"
