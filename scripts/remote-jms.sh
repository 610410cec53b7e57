#!/usr/bin/env bash
# Points the server configuration in BASE at a remote Artemis broker instead of the embedded
# one: connection factories, the archive's message consumers and the Export queues all go to
# ARCA_JMS_URL (tcp://host:port). Runs the WildFly CLI offline on the copied configuration.
set -euo pipefail
SERVER=$1 BASE=$2 URL=$3
hostport=${URL#tcp://}; hostport=${hostport%%/*}; hostport=${hostport%%\?*}
host=${hostport%:*}; port=${hostport##*:}
if [ -z "$host" ] || ! [[ "$port" =~ ^[0-9]+$ ]]; then
  echo "arca: ARCA_JMS_URL must look like tcp://host:61616, not '$URL'" >&2; exit 2
fi
cli=$(mktemp); trap 'rm -f "$cli"' EXIT
{
  echo "embed-server --server-config=standalone.xml --std-out=discard"
  echo "/subsystem=messaging-activemq/server=default:remove"
  echo "/socket-binding-group=standard-sockets/remote-destination-outbound-socket-binding=arca-jms:add(host=$host,port=$port)"
  echo "/subsystem=messaging-activemq/remote-connector=arca-jms:add(socket-binding=arca-jms)"
  echo "/subsystem=messaging-activemq/pooled-connection-factory=activemq-ra:add(connectors=[arca-jms],entries=[java:/JmsXA,java:jboss/DefaultJMSConnectionFactory],transaction=xa)"
  echo "/subsystem=messaging-activemq/connection-factory=arca-remote:add(connectors=[arca-jms],entries=[java:/ConnectionFactory])"
  for i in $(seq 1 10); do
    echo "/subsystem=messaging-activemq/external-jms-queue=Export$i:add(entries=[java:/jms/queue/Export$i])"
  done
  echo "stop-embedded-server"
} > "$cli"
JAVA_OPTS="-Djboss.server.base.dir=$BASE -Djboss.server.config.dir=$BASE/configuration" \
  "$SERVER/bin/jboss-cli.sh" --file="$cli" >/dev/null
echo "arca: JMS on the remote broker $host:$port" >&2
