# Sourced by the scripts: the first admin's password and a bootstrap API key for this checkout, generated once
# into var/ (mode 600) unless FAULTLINE_ADMIN_PASSWORD / FAULTLINE_BOOTSTRAP_API_KEY are already set.
mkdir -p var
umask 077
[ -s var/admin-password ] || head -c 18 /dev/urandom | base64 | tr -d '/+=\n' > var/admin-password
[ -s var/bootstrap-api-key ] || { printf 'flk_'; head -c 36 /dev/urandom | base64 | tr -d '/+=\n'; } > var/bootstrap-api-key
umask 022
export FAULTLINE_ADMIN_PASSWORD="${FAULTLINE_ADMIN_PASSWORD:-$(cat var/admin-password)}"
export FAULTLINE_BOOTSTRAP_API_KEY="${FAULTLINE_BOOTSTRAP_API_KEY:-$(cat var/bootstrap-api-key)}"
