#!/usr/bin/env bash
# Usage: add-sensor.sh AGENCY SENSOR
# Creates (or re-keys) the broker account AGENCY.SENSOR and its ACL: it may publish only under
# edge/v1/AGENCY/SENSOR/ (status, heartbeat, alert/#, cmd-result) and read only its own cmd/#.
# Prints the sensor's Edge:Uplink settings with the new password (shown once, not stored in clear).
# Environment: EDGE_MOSQUITTO_DIR (default /etc/mosquitto/edge), EDGE_TOPIC_PREFIX (default
# edge/v1), EDGE_SENSOR_PASSWORD (default: 32 random characters).
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 AGENCY SENSOR" >&2
  exit 2
fi
agency=$1
sensor=$2
id='^[a-z0-9-]{1,64}$'
[[ $agency =~ $id ]] || { echo "agency '$agency' must be 1 to 64 of a-z, 0-9 and '-'" >&2; exit 2; }
[[ $sensor =~ $id ]] || { echo "sensor '$sensor' must be 1 to 64 of a-z, 0-9 and '-'" >&2; exit 2; }
dir=${EDGE_MOSQUITTO_DIR:-/etc/mosquitto/edge}
prefix=${EDGE_TOPIC_PREFIX:-edge/v1}
user="$agency.$sensor"
root="$prefix/$agency/$sensor"
password=${EDGE_SENSOR_PASSWORD:-$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)}

command -v mosquitto_passwd >/dev/null || { echo "mosquitto_passwd not found (apt-get install mosquitto)" >&2; exit 1; }
mkdir -p "$dir"
umask 027
[ -f "$dir/passwd" ] || : > "$dir/passwd"
[ -f "$dir/acl" ] || : > "$dir/acl"
mosquitto_passwd -b "$dir/passwd" "$user" "$password"

if ! grep -qx "user $user" "$dir/acl"; then
  cat >> "$dir/acl" <<ACL

# sensor $agency/$sensor
user $user
topic write $root/status
topic write $root/heartbeat
topic write $root/alert/#
topic write $root/cmd-result
topic read $root/cmd/#
ACL
fi
# Mosquitto drops privileges to its own user: let it read the files.
if getent group mosquitto >/dev/null; then chgrp mosquitto "$dir/passwd" "$dir/acl"; fi

cat <<OUT
account $user added to $dir/passwd and $dir/acl
reload the broker to apply: systemctl reload mosquitto (or kill -HUP its pid)
sensor settings:
  Edge__Sensor__Agency=$agency
  Edge__Sensor__Id=$sensor
  Edge__Uplink__Username=$user
  Edge__Uplink__Password=$password
OUT
