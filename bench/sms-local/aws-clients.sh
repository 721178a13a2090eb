# shellcheck shell=bash
# Sourced by the bench scripts that point AWS's own tools (the AWS CLI, boto3)
# at sms-local, beside sms-plan: an environment that keeps the user's AWS
# set-up out of the numbers, finding a tool that still knows `sms`, and the
# untimed check that a listing holds every server. The sourcing script
# defines die and note.
#
#   isolate_aws_env DIR                    dummy credentials, us-east-1, empty config files in DIR
#   first_on_path NAME PROBE [ARGS...]     prints the first NAME on PATH for which PROBE ARGS... NAME succeeds
#   aws_lists_servers URL AWS              whether that AWS CLI can run `sms get-servers` against URL
#   run_once LABEL OUTFILE CMD...          runs CMD into OUTFILE, prints the seconds it took
#   check_listing LABEL OUTFILE SECONDS N  dies unless OUTFILE lists N servers with N distinct ids;
#                                          writes their sorted ids to OUTFILE.ids for comparison
#   cpu_model                              the CPU's model name, for the summaries

# A profile or config file could change the region, retries or output and skew
# the timing, so nothing of the user's is read. sms-local is then started with
# --access-key "$AWS_ACCESS_KEY_ID" --secret-key "$AWS_SECRET_ACCESS_KEY", so
# every request is signed and checked.
isolate_aws_env() {
    : >"$1/aws-config"
    : >"$1/aws-credentials"
    unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_CA_BUNDLE
    export AWS_ACCESS_KEY_ID=AKIDBENCHEXAMPLE0001
    export AWS_SECRET_ACCESS_KEY=benchSecretKeyDoNotUseAnywhereElse00001
    export AWS_REGION=us-east-1
    export AWS_DEFAULT_REGION=us-east-1
    export AWS_CONFIG_FILE=$1/aws-config
    export AWS_SHARED_CREDENTIALS_FILE=$1/aws-credentials
    export AWS_PAGER=""
    export AWS_CLI_AUTO_PROMPT=off
    export AWS_EC2_METADATA_DISABLED=true
}

# AWS closed SMS, and newer botocore releases dropped the service model, so an
# up-to-date tool (for example a pip-installed aws or boto3 earlier on PATH)
# may reject `sms` altogether; Debian 12's awscli 2.9 and python3-boto3 1.26
# have it. Every NAME on PATH is tried in order, and those skipped are named.
first_on_path() {
    local name=$1 probe=$2 candidate
    shift 2
    while IFS= read -r candidate; do
        if "$probe" "$@" "$candidate"; then
            echo "$candidate"
            return 0
        fi
        note "skipping $candidate ($("$candidate" --version 2>&1 | head -n1)): no sms service"
    done < <(type -ap "$name" | awk '!seen[$0]++')
    return 1
}

aws_lists_servers() {
    "$2" --endpoint-url "$1" sms get-servers --max-items 1 --output json >/dev/null 2>&1
}

run_once() {
    local label=$1 out=$2 start end
    shift 2
    start=$(date +%s.%N)
    if ! "$@" >"$out" 2>"$out.err"; then
        cat "$out.err" >&2
        die "$label failed: $*"
    fi
    end=$(date +%s.%N)
    python3 -c "print(f'{$end - $start:.2f}')"
}

# Prints "count unique keys" of a listing: {"serverList": [...]} or a bare array.
count_servers() {
    python3 - "$1" "$2" <<'PY'
import json, sys
path, label = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    doc = json.load(f)
servers = doc.get("serverList") if isinstance(doc, dict) else doc
if not isinstance(servers, list):
    sys.exit(f"{label}: no serverList array in the output")
ids = [s.get("serverId") for s in servers]
with open(path + ".ids", "w", encoding="utf-8") as f:
    f.write("\n".join(sorted(map(str, ids))))
keys = sorted(doc) if isinstance(doc, dict) else ["<array>"]
print(len(servers), len(set(ids)), ",".join(keys))
PY
}

check_listing() {
    local label=$1 out=$2 secs=$3 expected=$4 count unique keys
    read -r count unique keys < <(count_servers "$out" "$label") || die "$label: unreadable output"
    note "$label: $count servers ($unique unique), top-level keys: $keys, one run took ${secs} s"
    ((count == expected && unique == expected)) \
        || die "$label returned $count servers ($unique unique), expected $expected"
}

cpu_model() {
    local model
    model=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -n 1)
    echo "${model:-$(uname -m)}"
}
