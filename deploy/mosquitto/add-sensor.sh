#!/usr/bin/env bash
# Usage: add-sensor.sh AGENCY SENSOR
# Creates (or re-keys) the broker account AGENCY.SENSOR and its ACL: it may publish only under
# edge/v1/AGENCY/SENSOR/ (status, heartbeat, alert/#, cmd-result) and read only its own cmd/#.
# Prints the sensor's Edge:Uplink settings with the new password (shown once, not stored in clear).
# Environment: EDGE_MOSQUITTO_DIR (default /etc/mosquitto/edge), EDGE_TOPIC_PREFIX (default
# edge/v1), EDGE_SENSOR_PASSWORD (default: 32 random characters).
set -euo pipefail
. "$(dirname "$0")/account.sh"
if [ $# -ne 2 ]; then
  echo "usage: $0 AGENCY SENSOR" >&2
  exit 2
fi
agency=$1
sensor=$2
id='^[a-z0-9-]{1,64}$'
[[ $agency =~ $id ]] || { echo "agency '$agency' must be 1 to 64 of a-z, 0-9 and '-'" >&2; exit 2; }
[[ $sensor =~ $id ]] || { echo "sensor '$sensor' must be 1 to 64 of a-z, 0-9 and '-'" >&2; exit 2; }
prefix=${EDGE_TOPIC_PREFIX:-edge/v1}
user="$agency.$sensor"
root="$prefix/$agency/$sensor"
password=${EDGE_SENSOR_PASSWORD:-$(edge_password)}

edge_account "$user" "$password" "# sensor $agency/$sensor
user $user
topic write $root/status
topic write $root/heartbeat
topic write $root/alert/#
topic write $root/cmd-result
topic read $root/cmd/#"

cat <<OUT
sensor settings:
  Edge__Sensor__Agency=$agency
  Edge__Sensor__Id=$sensor
  Edge__Uplink__Username=$user
  Edge__Uplink__Password=$password
OUT
