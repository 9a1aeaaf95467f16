/**
 * The `lp` and `lpstat` look-alikes of the spool folder, as POSIX shell run
 * with `sh -c`: they print what CUPS's tools print. A Node script took over a
 * hundred milliseconds to start, and a certificate calls them three times;
 * these use shell builtins only, but for copying the document and the date.
 * They read the folder from ONEWINDOW_SPOOL_DIR; its files are those
 * SpoolFolder reads and writes (printer.json, jobs/ID.json and ID.data).
 */

const common = `set -eu
umask 077
LC_ALL=C
dir=\${ONEWINDOW_SPOOL_DIR:?is not set}
IFS= read -r printer < "$dir/printer.json" || true
queue=\${printer#*'"queue":"'}
queue=\${queue%%'"'*}
case $printer in *'"enabled":true'*) enabled=enabled ;; *) enabled=disabled ;; esac
reasons=\${printer#*'"reasons":['}
reasons=\${reasons%%']'*}
`;

/** Printed jobs a spool folder keeps (CUPS keeps a bounded history too): lp and lpstat read them all, so a demo running for days must not keep every one. */
export const keptJobs = 100;

/**
 * `lp -d QUEUE -t TITLE [-o …] -`: the document from stdin becomes job QUEUE-N (N counted in last-job, so ids
 * never repeat), printed at once unless the queue holds it.
 */
export const lpScript = `${common}
dest='' title='(stdin)'
while [ $# -gt 0 ]; do
  case $1 in
    -d) dest=$2; shift 2 ;;
    -t) title=$2; shift 2 ;;
    -o) shift 2 ;;
    *) shift ;;
  esac
done
if [ "$dest" != "$queue" ]; then echo 'lp: The printer or class does not exist.' >&2; exit 1; fi
number=0
if [ -e "$dir/last-job" ]; then IFS= read -r number < "$dir/last-job" || true; fi
number=$((number + 1))
echo "$number" > "$dir/last-job"
id="$queue-$number"
cat > "$dir/jobs/$id.data"
if [ "$enabled" = enabled ] && [ -z "$reasons" ]; then state=completed; else state=pending; fi
case $title in *'"'* | *'\\'*) title=$(printf '%s' "$title" | sed 's/\\\\/\\\\\\\\/g; s/"/\\\\"/g') ;; esac
printf '{"id":"%s","title":"%s","state":"%s","at":"%s"}' "$id" "$title" "$state" "$(date -u +%Y-%m-%dT%H:%M:%S.000Z)" > "$dir/jobs/$id.json"
echo "request id is $id (1 file(s))"
# As CUPS keeps a bounded job history: the job ${keptJobs} before this one goes, once printed.
old="$dir/jobs/$queue-$((number - ${keptJobs}))"
if [ -e "$old.json" ]; then
  IFS= read -r line < "$old.json" || true
  case $line in *'"state":"completed"'*) rm -f "$old.json" "$old.data" ;; esac
fi
`;

/** `lpstat -l -p QUEUE` (the queue's state and alerts) and `lpstat -W completed|not-completed -o QUEUE` (its jobs, in order). */
export const lpstatScript = `${common}
date='Tue 25 Nov 2026 09:00:00 AM UTC'
case " $* " in
  *" -p "*)
    alerts=''
    rest=$reasons
    while [ -n "$rest" ]; do
      reason=\${rest%%,*}
      reason=\${reason#'"'}
      alerts="$alerts\${alerts:+ }\${reason%'"'}"
      case $rest in *,*) rest=\${rest#*,} ;; *) rest='' ;; esac
    done
    printf 'printer %s is idle.  %s since %s\\n' "$queue" "$enabled" "$date"
    printf '\\tForm mounted:\\n\\tContent types: any\\n'
    printf '\\tAlerts: %s\\n' "\${alerts:-none}"
    ;;
  *" -o "*)
    which=not-completed previous=''
    for arg in "$@"; do
      if [ "$previous" = -W ]; then which=$arg; fi
      previous=$arg
    done
    for job in "$dir"/jobs/*.json; do
      [ -e "$job" ] || continue
      IFS= read -r line < "$job" || true
      case $line in *'"state":"completed"'*) done=completed ;; *) done=not-completed ;; esac
      [ "$done" = "$which" ] || continue
      name=\${job##*/}
      printf '%-20s onewindow         1024   %s\\n' "\${name%.json}" "$date"
    done
    ;;
esac
`;
