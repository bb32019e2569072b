/*
 * capture.c - records the CopyData payloads of a pgoutput logical replication stream.
 *
 * Usage: capture "<conninfo with replication=database>" <slot> <start lsn> "<plugin options>" <out.bin>
 *
 * Runs START_REPLICATION SLOT <slot> LOGICAL <lsn> (<options>) and appends every CopyData payload
 * ('w' XLogData or 'k' keepalive, exactly as received) to <out.bin> as a 4-byte big-endian length
 * followed by the payload bytes. Stops after the first non-transactional logical message whose
 * prefix is "capture_end". Never confirms anything to the server.
 *
 * Build: gcc capture.c -I/usr/include/postgresql -lpq -o capture
 */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>

static void die(PGconn *c, const char *what) {
    fprintf(stderr, "%s: %s\n", what, PQerrorMessage(c));
    PQfinish(c);
    exit(1);
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: capture conninfo slot lsn options out.bin\n");
        return 2;
    }
    PGconn *conn = PQconnectdb(argv[1]);
    if (PQstatus(conn) != CONNECTION_OK) die(conn, "connect");
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "START_REPLICATION SLOT %s LOGICAL %s (%s)", argv[2], argv[3], argv[4]);
    PGresult *res = PQexec(conn, cmd);
    if (PQresultStatus(res) != PGRES_COPY_BOTH) die(conn, "START_REPLICATION");
    PQclear(res);
    FILE *out = fopen(argv[5], "wb");
    if (!out) { perror("fopen"); return 1; }
    static const char endPrefix[] = "capture_end";
    int done = 0, count = 0;
    while (!done) {
        char *buf = NULL;
        int n = PQgetCopyData(conn, &buf, 1);
        if (n == 0) {
            fd_set fds;
            FD_ZERO(&fds);
            FD_SET(PQsocket(conn), &fds);
            struct timeval tv = {10, 0};
            if (select(PQsocket(conn) + 1, &fds, NULL, NULL, &tv) <= 0) {
                fprintf(stderr, "timed out waiting for the end marker\n");
                return 1;
            }
            if (!PQconsumeInput(conn)) die(conn, "PQconsumeInput");
            continue;
        }
        if (n < 0) die(conn, "PQgetCopyData");
        unsigned char len[4] = {(unsigned char)(n >> 24), (unsigned char)(n >> 16), (unsigned char)(n >> 8), (unsigned char)n};
        fwrite(len, 1, 4, out);
        fwrite(buf, 1, (size_t)n, out);
        count++;
        /* 'w' header (25 bytes), then 'M', Int8 flags = 0, Int64 lsn, prefix string */
        if (n > 25 + 10 + (int)sizeof endPrefix && buf[0] == 'w' && buf[25] == 'M' && buf[26] == 0 &&
            memcmp(buf + 35, endPrefix, sizeof endPrefix) == 0)
            done = 1;
        PQfreemem(buf);
    }
    fclose(out);
    fprintf(stderr, "captured %d payloads\n", count);
    PQfinish(conn);
    return 0;
}
