#!/usr/bin/env bash
# Usage: add-incident.sh NAME
# Creates (or re-keys) an incident-team account: reads everything under edge/v1/ (alerts, status,
# heartbeats, command results of every sensor) and may send commands (edge/v1/+/+/cmd/#).
# Environment: EDGE_MOSQUITTO_DIR, EDGE_TOPIC_PREFIX, EDGE_INCIDENT_PASSWORD (as add-sensor.sh).
set -euo pipefail
. "$(dirname "$0")/account.sh"
if [ $# -ne 1 ] || ! [[ $1 =~ ^[a-z0-9][a-z0-9._-]{0,63}$ ]]; then
  echo "usage: $0 NAME   (NAME: a-z, 0-9, '.', '_', '-')" >&2
  exit 2
fi
user=$1
prefix=${EDGE_TOPIC_PREFIX:-edge/v1}
password=${EDGE_INCIDENT_PASSWORD:-$(edge_password)}

edge_account "$user" "$password" "# incident team $user
user $user
topic read $prefix/#
topic write $prefix/+/+/cmd/#"
echo "password: $password"
