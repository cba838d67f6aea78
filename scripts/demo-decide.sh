#!/usr/bin/env bash
# The demo payer's reviewer decides a request the demo payer (this server's payer side) received: development only.
#
#   scripts/demo-decide.sh                 list the requests waiting for a decision (pended, A4)
#   scripts/demo-decide.sh A1 ["note"]     decide the newest of them: A1 approve, A3 deny, A6 modify (A3 needs a note)
#   scripts/demo-decide.sh A3 "note" PA-…  decide the one with this tracking number
#
# Needs curl and python3. PORT (default 8080) is the demo server's. The reviewer's client and secret are the demo's
# public ones (src/main/resources/demo/demo-settings.yaml).
set -euo pipefail
base="http://localhost:${PORT:-8080}"
decision="${1:-}"; note="${2:-}"; tracking="${3:-}"

token=$(curl -sf -u recourse-demo-reviewer:recourse-demo-reviewer-secret -d grant_type=client_credentials \
  -d 'scope=system/Claim.rs system/ClaimResponse.rs system/ClaimResponse.u' "$base/oauth2/token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

# the demo payer's answers: ClaimResponses with a tracking number whose request is its own copy (Claim/pas-…)
pending=$(curl -sf -H "Authorization: Bearer $token" -H 'Accept: application/fhir+json' \
  "$base/fhir/ClaimResponse?identifier=http://recourse.dev/fhir/sid/pas-tracking-number%7C&_sort=-_lastUpdated&_count=50" \
  | TRACKING="$tracking" python3 -c '
import json, os, sys
wanted = os.environ["TRACKING"]
for entry in json.load(sys.stdin).get("entry", []):
    answer = entry["resource"]
    claim = answer.get("request", {}).get("reference", "")
    codes = {ext.get("valueCodeableConcept", {}).get("coding", [{}])[0].get("code")
             for item in answer.get("item", []) for adjudication in item.get("adjudication", [])
             for action in adjudication.get("extension", []) if action["url"].endswith("extension-reviewAction")
             for ext in action.get("extension", []) if ext["url"].endswith("extension-reviewActionCode")}
    if claim.startswith("Claim/pas-") and "A4" in codes and wanted in ("", answer.get("preAuthRef")):
        print(claim, answer.get("preAuthRef"), answer.get("patient", {}).get("display", ""))
')

if [ -z "$decision" ]; then
  echo "${pending:-No request waits for a decision.}"
  exit 0
fi
if [ -z "$pending" ]; then
  echo "No pended request${tracking:+ with tracking number $tracking} to decide." >&2
  exit 1
fi
claim=$(echo "$pending" | head -1 | cut -d' ' -f1)
body=$(DECISION="$decision" NOTE="$note" python3 -c '
import json, os
parameters = [{"name": "decision", "valueCode": os.environ["DECISION"]}]
if os.environ["NOTE"]:
    parameters.append({"name": "note", "valueString": os.environ["NOTE"]})
print(json.dumps({"resourceType": "Parameters", "parameter": parameters}))')
echo "$claim: $decision"
curl -s -o /dev/null -w 'HTTP %{http_code}\n' -X POST "$base/fhir/$claim/\$decide" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/fhir+json' -d "$body"
