# Sourced by add-sensor.sh and add-incident.sh: one broker account in $EDGE_MOSQUITTO_DIR
# (default /etc/mosquitto/edge), its password set (or reset) and its ACL block appended once.
#   edge_account USER PASSWORD ACL-BLOCK
edge_account() {
  local user=$1 password=$2 block=$3
  local dir=${EDGE_MOSQUITTO_DIR:-/etc/mosquitto/edge}
  command -v mosquitto_passwd >/dev/null || { echo "mosquitto_passwd not found (apt-get install mosquitto)" >&2; exit 1; }
  mkdir -p "$dir"
  umask 027
  [ -f "$dir/passwd" ] || : > "$dir/passwd"
  [ -f "$dir/acl" ] || : > "$dir/acl"
  mosquitto_passwd -b "$dir/passwd" "$user" "$password"
  if ! grep -qx "user $user" "$dir/acl"; then
    printf '\n%s\n' "$block" >> "$dir/acl"
  fi
  # Mosquitto drops privileges to its own user: let it read the files.
  if getent group mosquitto >/dev/null; then chgrp mosquitto "$dir/passwd" "$dir/acl"; fi
  echo "account $user added to $dir/passwd and $dir/acl"
  echo "reload the broker to apply: systemctl reload mosquitto (or kill -HUP its pid)"
}

edge_password() {
  head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32
}
