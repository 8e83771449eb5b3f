#!/usr/bin/env bash
# Usage: add-incident.sh NAME
# Creates (or re-keys) an incident-team account: reads everything under edge/v1/ (alerts, status,
# heartbeats, command results of every sensor) and may send commands (edge/v1/+/+/cmd/#).
# Environment: EDGE_MOSQUITTO_DIR, EDGE_TOPIC_PREFIX, EDGE_INCIDENT_PASSWORD (as add-sensor.sh).
set -euo pipefail
if [ $# -ne 1 ] || ! [[ $1 =~ ^[a-z0-9][a-z0-9._-]{0,63}$ ]]; then
  echo "usage: $0 NAME   (NAME: a-z, 0-9, '.', '_', '-')" >&2
  exit 2
fi
user=$1
dir=${EDGE_MOSQUITTO_DIR:-/etc/mosquitto/edge}
prefix=${EDGE_TOPIC_PREFIX:-edge/v1}
password=${EDGE_INCIDENT_PASSWORD:-$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)}
command -v mosquitto_passwd >/dev/null || { echo "mosquitto_passwd not found (apt-get install mosquitto)" >&2; exit 1; }
mkdir -p "$dir"
umask 027
[ -f "$dir/passwd" ] || : > "$dir/passwd"
[ -f "$dir/acl" ] || : > "$dir/acl"
mosquitto_passwd -b "$dir/passwd" "$user" "$password"
if ! grep -qx "user $user" "$dir/acl"; then
  cat >> "$dir/acl" <<ACL

# incident team $user
user $user
topic read $prefix/#
topic write $prefix/+/+/cmd/#
ACL
fi
if getent group mosquitto >/dev/null; then chgrp mosquitto "$dir/passwd" "$dir/acl"; fi
echo "account $user added; password: $password"
echo "reload the broker to apply: systemctl reload mosquitto (or kill -HUP its pid)"
