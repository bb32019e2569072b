/// A detached shell loop that cleans up after a test process that died without stopping its clusters.
enum Watchdog {
    /// Once `ownerPID` is gone and `directory` still exists, stop the postmaster whose pid is in
    /// `data/postmaster.pid` (if any) and delete the folder. Spawned before the server starts, so
    /// no moment exists in which a server runs unguarded. The loop also ends once `stop()` removed
    /// the folder.
    static func guardFolder(_ directory: String, ownerPID: Int32) throws(ClusterError) {
        let script = """
            while kill -0 "$0" 2>/dev/null && [ -d "$1" ]; do sleep 1; done
            [ -d "$1" ] || exit 0
            pidfile="$1/data/postmaster.pid"
            if [ -f "$pidfile" ]; then
              pid=$(head -n 1 "$pidfile")
              kill -INT "$pid" 2>/dev/null
              i=0; while [ -f "$pidfile" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
              [ -f "$pidfile" ] && kill -KILL "$pid" 2>/dev/null
            fi
            rm -rf "$1"
            """
        try CommandRunner.spawnDetached(["sh", "-c", script, String(ownerPID), directory])
    }
}
