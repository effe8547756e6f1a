/*
 * generate.c: writes the six CSV files that the example specs in examples/
 * read. The data come from a small model of our own; nothing is copied from
 * the notebook's files, only their schema (column names, order and formats).
 *
 * Run:
 *     make examples-data          (builds this, rewrites examples/data)
 *     cc -std=c99 -o gen examples/data/generate.c && ./gen OUTPUT_DIR
 * OUTPUT_DIR must exist. The output is byte-identical on every machine and
 * every run: the model uses only integer arithmetic and a splitmix64
 * generator with a fixed seed per file (so changing one file's model leaves
 * the others alone). Lines end with CRLF, as in the notebook's files.
 *
 * The story, 2011-04-13 to 2011-04-16, on a small company network:
 * workstations 192.168.2.10-250, servers on 192.168.1.x, a firewall with a
 * leg in every subnet, a web server 172.20.1.5 in the DMZ, and a crowd of
 * outside hosts 10.200.150.x.
 *
 * - byminutebuiltconnectioncount.csv: connections the firewall built per
 *   minute, 13 Apr 08:52 to 16 Apr 08:00 (one minute lost by the logger).
 *   A busy first hour of ~1000 a minute, then a background of a few hundred.
 *   Incident 1, 13 Apr 11:39-12:51: 158 outside hosts flood the web server
 *   (denial of service), ~145,000 connections a minute. On 14 Apr port
 *   scans start with a sweep peaking near 95,000, then hold a ~4,850
 *   plateau until 14:14 with a second cluster of spikes around 12:45
 *   (incident 2 is 10:56-12:28, incident 3 one minute inside the plateau).
 *   Incident 4 is a quiet minute on 15 Apr; a few short bursts fill the
 *   mornings of 14-16 Apr.
 * - incident1sourcetargetconnectionscount.csv: the DoS by pair: every
 *   attacker against 172.20.1.5 (1,000-9,000 each), then smaller probes of
 *   the firewall and four servers (< 1,000). 165 distinct addresses, which
 *   figure 2 places on y = 1..165.
 * - IDSbyminutecount.csv: intrusion-detection alerts per minute and rule
 *   (long format). A steady trickle of TCP window-scale decoder alerts,
 *   rare single alerts of five other rules, and three port-scan sessions
 *   (13 Apr late morning, 14 Apr twice) with full-speed minutes of ~520
 *   portscan, ~310 portsweep and ~210 decoder alerts.
 * - IDS_type6bysourcetargetcount.csv: connections of the five scanning
 *   workstations to most hosts of the two internal subnets.
 * - network_node.csv, network_edge.csv: the network as a layered graph:
 *   workstations on a row at y=1, servers at y=2.5, firewall legs and the
 *   web server at y=3.3, outside hosts at y=4.3, one unknown host at y=2.0;
 *   colours from the ColorBrewer Spectral scheme, one per kind.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The notebook's files were written with CRLF line ends; keep the format. */
#define EOL "\r\n"

#define N_ITEMS(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- Random numbers ---------------------------------------------------- */

typedef struct {
    uint64_t state;
} rng_t;

static rng_t rng_seeded(uint64_t seed)
{
    rng_t r;

    r.state = seed;
    return r;
}

/* splitmix64: tiny, fast, and defined only by 64-bit integer operations. */
static uint64_t rng_next(rng_t *r)
{
    uint64_t z;

    r->state += UINT64_C(0x9e3779b97f4a7c15);
    z = r->state;
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

/* Uniform in [lo, hi]. The modulo bias is ~1e-15 here: far below notice. */
static long rng_between(rng_t *r, long lo, long hi)
{
    return lo + (long)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

/* True with probability permille / 1000. */
static int rng_chance(rng_t *r, long permille)
{
    return rng_between(r, 0, 999) < permille;
}

/* Roughly normal with mean 0 and standard deviation 1000: twelve uniforms
 * added up (Irwin-Hall), which keeps to integers. */
static long rng_normal(rng_t *r)
{
    long sum = 0;
    int i;

    for (i = 0; i < 12; i++)
        sum += rng_between(r, 0, 999);
    return sum - 5994;
}

/* A multiplier in per mille around 1000 with a long upper tail, the way
 * traffic counts spread: +1 sd gives x1.65, -1 sd gives x0.67. */
static long rng_skewed(rng_t *r)
{
    long g = rng_normal(r);
    long m = 1000 + g * (g >= 0 ? 650 : 330) / 1000;

    return m < 200 ? 200 : m;
}

/* An index in [0, n) drawn with probability proportional to weight[i]. */
static int rng_weighted(rng_t *r, const int *weight, int n)
{
    long total = 0;
    long pick;
    int i;

    for (i = 0; i < n; i++)
        total += weight[i];
    pick = rng_between(r, 0, total - 1);
    for (i = 0; i < n - 1 && pick >= weight[i]; i++)
        pick -= weight[i];
    return i;
}

static void shuffle_ints(rng_t *r, int *v, int n)
{
    int i;

    for (i = n - 1; i > 0; i--) {
        int j = (int)rng_between(r, 0, i);
        int tmp = v[i];

        v[i] = v[j];
        v[j] = tmp;
    }
}

/* A value that depends only on key: lets a model vary by hour without
 * carrying state from one minute to the next. */
static long hash_between(uint64_t key, long lo, long hi)
{
    rng_t r = rng_seeded(key);

    return rng_between(&r, lo, hi);
}

/* ---- Time --------------------------------------------------------------- */

/* Minutes since 2011-04-13 00:00; every timestamp falls in 13-16 April. */
#define AT(day, hour, min) (((day) - 13L) * 1440 + (hour) * 60L + (min))

typedef struct {
    long first, last;
} span_t;

static int in_span(span_t s, long t)
{
    return t >= s.first && t <= s.last;
}

static void format_minute(long t, char *out, size_t size)
{
    snprintf(out, size, "2011-04-%02ld %02ld:%02ld",
             13 + t / 1440, t % 1440 / 60, t % 60);
}

/* ---- The network shared by several files -------------------------------- */

#define N_WORKSTATIONS 241      /* 192.168.2.10 .. 192.168.2.250 */
#define FIRST_WORKSTATION 10
#define N_SERVERS 8
#define N_FIREWALL 5
#define N_ATTACKERS 158         /* 10.200.150.x hosts in the DoS */
#define N_EXTERNAL 147          /* of those, the ones in the network map */

static const int server_octet[N_SERVERS] = { 2, 3, 4, 5, 6, 7, 12, 40 };
static const char *const firewall_ip[N_FIREWALL] = {
    "10.200.150.1", "172.20.1.1", "192.168.1.1", "192.168.2.1", "192.168.1.16"
};

#define WEB_SERVER "172.20.1.5"
#define UNKNOWN_HOST "192.168.2.253"

typedef struct {
    int attacker[N_ATTACKERS];  /* last octets, in the order first seen */
} network_t;

/* Draws which outside addresses take part in the DoS. */
static void network_init(network_t *net)
{
    rng_t r = rng_seeded(UINT64_C(0x6e6574776f726b31));
    int pool[253];
    int i;

    for (i = 0; i < 253; i++)
        pool[i] = i + 2;        /* .1 is the firewall, .255 broadcast */
    shuffle_ints(&r, pool, 253);
    memcpy(net->attacker, pool, sizeof net->attacker);
}

/* ---- byminutebuiltconnectioncount.csv ----------------------------------- */

#define CONN_FIRST AT(13, 8, 52)
#define CONN_LAST AT(16, 8, 0)
#define CONN_MISSING AT(15, 3, 17)      /* the minute the logger dropped */

static const span_t dos_span = { AT(13, 11, 39), AT(13, 12, 51) };
static const span_t sweep_span = { AT(14, 10, 45), AT(14, 10, 51) };
static const span_t plateau_span = { AT(14, 10, 52), AT(14, 14, 14) };
static const span_t echo_span = { AT(14, 12, 38), AT(14, 12, 57) };
static const span_t tail_span = { AT(14, 14, 15), AT(14, 14, 25) };

static const struct {
    span_t when;
    int number;
} incidents[] = {
    { { AT(13, 11, 39), AT(13, 12, 51) }, 1 },
    { { AT(14, 10, 56), AT(14, 12, 28) }, 2 },
    { { AT(14, 13, 33), AT(14, 13, 33) }, 3 },
    { { AT(15, 14, 9), AT(15, 14, 9) }, 4 },
};

/* Short bursts of busy traffic: in each minute of the span, with the given
 * chance, the count is drawn from [lo, hi] instead of the background. */
static const struct {
    span_t when;
    long lo, hi;
    int permille;
} bursts[] = {
    { { AT(13, 9, 40), AT(13, 9, 59) }, 1600, 3300, 330 },
    { { AT(14, 7, 50), AT(14, 7, 56) }, 2000, 10600, 1000 },
    { { AT(15, 7, 57), AT(15, 8, 10) }, 3000, 7600, 1000 },
    { { AT(15, 9, 48), AT(15, 10, 6) }, 1700, 3200, 280 },
    { { AT(15, 22, 19), AT(15, 22, 19) }, 1800, 2000, 1000 },
    { { AT(16, 7, 49), AT(16, 7, 58) }, 2000, 11600, 1000 },
};

static int incident_at(long t)
{
    int i;

    for (i = 0; i < N_ITEMS(incidents); i++)
        if (in_span(incidents[i].when, t))
            return incidents[i].number;
    return 0;
}

/* The flood: a minute to ramp up, a plateau, three minutes to die out. */
static long dos_count(rng_t *r, long t)
{
    long left = dos_span.last - t;
    long n;

    if (t == dos_span.first)
        return rng_between(r, 3000, 4200);
    if (left == 3)
        return rng_between(r, 110000, 122000);
    if (left == 2)
        return rng_between(r, 6000, 9500);
    if (left <= 1)
        return rng_between(r, 150, 520);
    n = 145300 + rng_normal(r) * 2100 / 1000;
    return n > 150400 ? 150400 : n < 139000 ? 139000 : n;
}

/* The scans of 14 April seen as connection counts. */
static long scan_count(rng_t *r, long t)
{
    static const int sweep_pct[] = { 26, 51, 80, 100, 67, 39, 13 };
    static const long ramp[] = { 3200, 3650, 4500 };
    long k;

    if (in_span(sweep_span, t)) {
        k = t - sweep_span.first;
        return 94000 * sweep_pct[k] / 100 + rng_between(r, -1400, 1400);
    }
    if (t == echo_span.first + 9)
        return rng_between(r, 60000, 64500);
    if (in_span(echo_span, t) && rng_chance(r, 800))
        return rng_between(r, 8000, 38000);
    if (in_span(tail_span, t))
        return 2500 + rng_normal(r) * 60 / 1000;
    k = t - plateau_span.first;
    if (k < N_ITEMS(ramp))
        return ramp[k] + rng_between(r, -150, 150);
    if (rng_chance(r, 40))
        return rng_between(r, 4300, 4500);
    if (rng_chance(r, 20))
        return rng_between(r, 5500, 5800);
    return 4850 + rng_normal(r) * 55 / 1000;
}

/* Ordinary traffic: busier by day, with a level that drifts hour by hour. */
static long background_count(rng_t *r, long t)
{
    long hour = t / 60;
    long clock = hour % 24;
    long level = clock >= 8 && clock < 18 ? 225 : clock >= 18 ? 195 : 170;
    long n;

    if (t < AT(13, 10, 0))
        return 1050 + rng_normal(r) * 110 / 1000;
    level = level * hash_between(UINT64_C(0x686f7572) + (uint64_t)hour,
                                 85, 125) / 100;
    n = level * rng_skewed(r) / 1000;
    return n < 40 ? 40 : n;
}

static long connection_count(rng_t *r, long t)
{
    int i;

    if (in_span(dos_span, t))
        return dos_count(r, t);
    if (t >= sweep_span.first && t <= tail_span.last)
        return scan_count(r, t);
    for (i = 0; i < N_ITEMS(bursts); i++)
        if (in_span(bursts[i].when, t) && rng_chance(r, bursts[i].permille))
            return rng_between(r, bursts[i].lo, bursts[i].hi);
    return background_count(r, t);
}

static int write_connections(FILE *f, const network_t *net)
{
    rng_t r = rng_seeded(UINT64_C(0x636f6e6e65637473));
    char when[32];
    long index = 0;
    long t;
    long n;

    (void)net;
    fputs("index,datetime,builtconnectioncount,incidentnum" EOL, f);
    for (t = CONN_FIRST; t <= CONN_LAST; t++) {
        n = connection_count(&r, t);
        if (t == CONN_MISSING)
            continue;
        if (t == CONN_FIRST)    /* logging began part-way into the minute */
            n = n * rng_between(&r, 6, 15) / 100;
        format_minute(t, when, sizeof when);
        fprintf(f, "%ld,%s,%ld,%d" EOL, index++, when, n, incident_at(t));
    }
    return 0;
}

/* ---- incident1sourcetargetconnectionscount.csv -------------------------- */

#define N_PROBES 229
#define N_PROBE_TARGETS 6

static const char *const probe_target[N_PROBE_TARGETS] = {
    "192.168.1.4", "172.20.1.1", "192.168.1.6", "10.200.150.1",
    "192.168.1.2", "192.168.1.12"
};
static const int probe_weight[N_PROBE_TARGETS] = { 33, 32, 48, 27, 49, 40 };

/* Every attacker floods the web server; then some of them probe other
 * addresses with far fewer connections (never the same pair twice). */
static int write_incident1(FILE *f, const network_t *net)
{
    rng_t r = rng_seeded(UINT64_C(0x696e636964656e31));
    unsigned char seen[N_ATTACKERS][N_PROBE_TARGETS];
    int i, a, k;

    fputs("source,target,newconnections" EOL, f);
    for (i = 0; i < N_ATTACKERS; i++)
        fprintf(f, "10.200.150.%d," WEB_SERVER ",%ld" EOL, net->attacker[i],
                rng_between(&r, 1080, 8950));

    memset(seen, 0, sizeof seen);
    for (i = 0; i < N_PROBES; i++) {
        do {
            a = (int)rng_between(&r, 0, N_ATTACKERS - 1);
            k = rng_weighted(&r, probe_weight, N_PROBE_TARGETS);
        } while (seen[a][k]);
        seen[a][k] = 1;
        fprintf(f, "10.200.150.%d,%s,%ld" EOL, net->attacker[a],
                probe_target[k], rng_between(&r, 6, 899));
    }
    return 0;
}

/* ---- IDSbyminutecount.csv ----------------------------------------------- */

#define IDS_FIRST AT(13, 7, 51)
#define IDS_LAST AT(15, 10, 17)

enum {
    R_PORTSCAN, R_PORTSWEEP, R_DECOY, R_DISTRIBUTED, R_FRAG, R_DECODER,
    R_SIP, R_HTTP, N_RULES
};

static const char *const rule_name[N_RULES] = {
    "(portscan) TCP Portscan",
    "(portscan) TCP Portsweep",
    "(portscan) TCP Decoy Portscan",
    "(portscan) TCP Distributed Portscan",
    "(spp_frag3) Fragmentation overlap",
    "(snort_decoder): Tcp Window Scale Option found with length > 14",
    "COMMUNITY SIP TCP/IP message flooding directed to SIP proxy",
    "(http_inspect) BARE BYTE UNICODE ENCODING",
};

/* Rows of one minute come in this order: the frequent rule first. */
static const int rule_order[N_RULES] = {
    R_DECODER, R_PORTSCAN, R_PORTSWEEP, R_DECOY, R_DISTRIBUTED, R_FRAG,
    R_SIP, R_HTTP
};

static const span_t scan_sessions[] = {
    { AT(13, 11, 13), AT(13, 11, 42) },
    { AT(14, 9, 0), AT(14, 9, 28) },
    { AT(14, 10, 56), AT(14, 12, 29) },
};

/* Minutes when a scanner ran at full speed (100) or part of it. */
static const struct {
    long t;
    int pct;
} scan_peaks[] = {
    { AT(13, 11, 13), 100 }, { AT(13, 11, 14), 100 }, { AT(13, 11, 15), 101 },
    { AT(13, 11, 37), 100 }, { AT(13, 11, 39), 100 }, { AT(13, 11, 40), 101 },
    { AT(14, 9, 0), 100 }, { AT(14, 9, 2), 24 }, { AT(14, 9, 4), 90 },
    { AT(14, 9, 5), 122 }, { AT(14, 9, 8), 14 }, { AT(14, 9, 9), 23 },
    { AT(14, 9, 28), 100 },
    { AT(14, 10, 56), 100 }, { AT(14, 10, 57), 100 }, { AT(14, 10, 59), 101 },
    { AT(14, 11, 0), 64 }, { AT(14, 11, 1), 40 },
    { AT(14, 12, 26), 62 }, { AT(14, 12, 27), 15 }, { AT(14, 12, 29), 77 },
};

/* Per-minute chance, in per mille, of each rare rule: ~25 alerts each. */
#define RARE_PERMILLE 8

static long decoder_count(rng_t *r)
{
    long n = 1;

    if (rng_chance(r, 4))       /* now and then a chatty client */
        return rng_between(r, 10, 60);
    while (n < 9 && rng_chance(r, 250))
        n++;
    return n;
}

static int scan_peak_pct(long t)
{
    int i;

    for (i = 0; i < N_ITEMS(scan_peaks); i++)
        if (scan_peaks[i].t == t)
            return scan_peaks[i].pct;
    return 0;
}

/* During a session the scanner trips portscan and portsweep together;
 * at full speed its odd TCP options also flood the decoder rule. */
static void scan_alerts(rng_t *r, long t, long count[N_RULES])
{
    int pct = scan_peak_pct(t);
    int i;

    if (pct > 0) {
        count[R_PORTSCAN] = 520L * pct / 100 + rng_between(r, 0, 3);
        count[R_PORTSWEEP] = 310L * pct / 100 + rng_between(r, 0, 2);
        count[R_DECODER] = 208L * pct / 100 + rng_between(r, 0, 2);
        return;
    }
    for (i = 0; i < N_ITEMS(scan_sessions); i++) {
        if (in_span(scan_sessions[i], t) && rng_chance(r, 930)) {
            count[R_PORTSCAN] = rng_chance(r, 30) ? 2 : 1;
            count[R_PORTSWEEP] = 1;
        }
    }
}

static void ids_minute(rng_t *r, long t, long count[N_RULES])
{
    static const int rare[] = { R_DECOY, R_DISTRIBUTED, R_FRAG, R_SIP, R_HTTP };
    int i;

    memset(count, 0, N_RULES * sizeof count[0]);
    if (rng_chance(r, 898))
        count[R_DECODER] = decoder_count(r);
    scan_alerts(r, t, count);
    for (i = 0; i < N_ITEMS(rare); i++)
        if (rng_chance(r, RARE_PERMILLE))
            count[rare[i]] = 1;
    if (count[R_FRAG] > 0 && rng_chance(r, 80))
        count[R_FRAG] = rng_between(r, 2, 3);
}

static int write_ids(FILE *f, const network_t *net)
{
    rng_t r = rng_seeded(UINT64_C(0x6964736d696e7574));
    long count[N_RULES];
    char when[32];
    long index = 0;
    long t;
    int i;

    (void)net;
    fputs("index,datetime,rule,count" EOL, f);
    for (t = IDS_FIRST; t <= IDS_LAST; t++) {
        ids_minute(&r, t, count);
        format_minute(t, when, sizeof when);
        for (i = 0; i < N_RULES; i++) {
            int rule = rule_order[i];

            if (count[rule] > 0)
                fprintf(f, "%ld,%s,%s,%ld" EOL, index++, when,
                        rule_name[rule], count[rule]);
        }
    }
    return 0;
}

/* ---- IDS_type6bysourcetargetcount.csv ----------------------------------- */

#define N_SCANNERS 5
#define N_HOSTS (N_WORKSTATIONS + N_SERVERS)

static const int scanner_octet[N_SCANNERS] = { 161, 162, 163, 164, 165 };

/* Host h of the internal subnets: workstations first, then servers. */
static void internal_host(int h, char *out, size_t size)
{
    if (h < N_WORKSTATIONS)
        snprintf(out, size, "192.168.2.%d", FIRST_WORKSTATION + h);
    else
        snprintf(out, size, "192.168.1.%d", server_octet[h - N_WORKSTATIONS]);
}

/* Each scanner reaches ~4 hosts in 5. Most pairs see a few hundred
 * connections; where a port answered, the scanner came back for more. */
static int write_type6(FILE *f, const network_t *net)
{
    static int pair[N_SCANNERS * N_HOSTS];
    rng_t r = rng_seeded(UINT64_C(0x7479706536736361));
    char host[32];
    int n = 0;
    int s, h, i;

    (void)net;
    for (s = 0; s < N_SCANNERS; s++)
        for (h = 0; h < N_HOSTS; h++)
            if (FIRST_WORKSTATION + h != scanner_octet[s]
                    && rng_chance(&r, 815))
                pair[n++] = s * N_HOSTS + h;
    shuffle_ints(&r, pair, n);

    fputs("source,target,connections" EOL, f);
    for (i = 0; i < n; i++) {
        long c = rng_chance(&r, 910) ? rng_between(&r, 1, 410)
                                     : rng_between(&r, 500, 2500);

        internal_host(pair[i] % N_HOSTS, host, sizeof host);
        fprintf(f, "192.168.2.%d,%s,%ld" EOL, scanner_octet[pair[i] / N_HOSTS],
                host, c);
    }
    return 0;
}

/* ---- network_node.csv and network_edge.csv ------------------------------ */

/* Node indices, one block per row of the drawing. */
#define NODE_SERVER N_WORKSTATIONS
#define NODE_FIREWALL (NODE_SERVER + N_SERVERS)
#define NODE_WEB (NODE_FIREWALL + N_FIREWALL)
#define NODE_EXTERNAL (NODE_WEB + 1)
#define NODE_UNKNOWN (NODE_EXTERNAL + N_EXTERNAL)
#define N_NODES (NODE_UNKNOWN + 1)

/* ColorBrewer Spectral, one colour per kind of node. */
#define COLOR_WORKSTATION "#fee08b"
#define COLOR_SERVER "#e6f598"
#define COLOR_FIREWALL "#99d594"
#define COLOR_WEB "#fc8d59"
#define COLOR_EXTERNAL "#3288bd"
#define COLOR_UNKNOWN "#d53e4f"

/* Which outside hosts the map shows: the first N_EXTERNAL attackers, in an
 * order of their own. */
static void external_octets(const network_t *net, int *out)
{
    rng_t r = rng_seeded(UINT64_C(0x65787465726e616c));

    memcpy(out, net->attacker, N_EXTERNAL * sizeof out[0]);
    shuffle_ints(&r, out, N_EXTERNAL);
}

static int write_nodes(FILE *f, const network_t *net)
{
    int ext[N_EXTERNAL];
    int i, tenths;

    external_octets(net, ext);
    fputs("index,node,type,x,y,fill_color" EOL, f);
    for (i = 0; i < N_WORKSTATIONS; i++)
        fprintf(f, "%d,192.168.2.%d,Workstation,%d,1," COLOR_WORKSTATION EOL,
                i, FIRST_WORKSTATION + i, i + 1);
    for (i = 0; i < N_SERVERS; i++)
        fprintf(f, "%d,192.168.1.%d,Server,%d,2.5," COLOR_SERVER EOL,
                NODE_SERVER + i, server_octet[i], 60 + 16 * i);
    for (i = 0; i < N_FIREWALL; i++)
        fprintf(f, "%d,%s,Firewall,%d,3.3," COLOR_FIREWALL EOL,
                NODE_FIREWALL + i, firewall_ip[i], 80 + 20 * i);
    fprintf(f, "%d," WEB_SERVER ",Web server,200,3.3," COLOR_WEB EOL, NODE_WEB);

    /* 1.6 apart from x=1.0, written from tenths so no float is printed. */
    for (i = 0; i < N_EXTERNAL; i++) {
        tenths = 10 + 16 * i;
        fprintf(f, "%d,10.200.150.%d,External,%d.%d,4.3," COLOR_EXTERNAL EOL,
                NODE_EXTERNAL + i, ext[i], tenths / 10, tenths % 10);
    }
    fprintf(f, "%d," UNKNOWN_HOST ",Unknown,240,2.0," COLOR_UNKNOWN EOL,
            NODE_UNKNOWN);
    return 0;
}

/* Each workstation talks to one server; every outside host comes in through
 * the firewall's outer leg, and a few reach two servers directly. */
static int write_edges(FILE *f, const network_t *net)
{
    static const int server_weight[N_SERVERS] = {
        40, 30, 33, 29, 26, 22, 25, 36
    };
    rng_t r = rng_seeded(UINT64_C(0x6564676573656467));
    int i;

    (void)net;
    fputs("start,end" EOL, f);
    for (i = 0; i < N_WORKSTATIONS; i++)
        fprintf(f, "%d,%d" EOL, i,
                NODE_SERVER + rng_weighted(&r, server_weight, N_SERVERS));
    fprintf(f, "%d,%d" EOL, NODE_FIREWALL, NODE_WEB);
    fprintf(f, "%d,%d" EOL, NODE_WEB, NODE_SERVER + 2);
    for (i = 0; i < N_EXTERNAL; i++)
        fprintf(f, "%d,%d" EOL, NODE_EXTERNAL + i, NODE_FIREWALL);
    for (i = 0; i < 6; i++) {
        int e = NODE_EXTERNAL + (int)rng_between(&r, 0, N_EXTERNAL / 6 - 1)
                + i * (N_EXTERNAL / 6);

        fprintf(f, "%d,%d" EOL "%d,%d" EOL, e, NODE_SERVER, e, NODE_SERVER + 2);
    }
    fprintf(f, "%d,%d" EOL, NODE_UNKNOWN, NODE_SERVER + 1);
    return 0;
}

/* ---- Main ---------------------------------------------------------------- */

static const struct {
    const char *name;
    int (*write)(FILE *f, const network_t *net);
} outputs[] = {
    { "byminutebuiltconnectioncount.csv", write_connections },
    { "incident1sourcetargetconnectionscount.csv", write_incident1 },
    { "IDSbyminutecount.csv", write_ids },
    { "IDS_type6bysourcetargetcount.csv", write_type6 },
    { "network_node.csv", write_nodes },
    { "network_edge.csv", write_edges },
};

static int write_output(const char *dir, int which, const network_t *net)
{
    char path[4096];
    FILE *f;
    int failed;

    if (snprintf(path, sizeof path, "%s/%s", dir, outputs[which].name)
            >= (int)sizeof path) {
        fprintf(stderr, "ERROR: output path too long: %s\n", dir);
        return -1;
    }
    f = fopen(path, "wb");      /* binary: CRLF must reach the disk as is */
    if (f == NULL) {
        fprintf(stderr, "ERROR: cannot create %s: %s\n", path, strerror(errno));
        fprintf(stderr, "HINT: the output folder must exist\n");
        return -1;
    }

    failed = outputs[which].write(f, net) != 0 || ferror(f);
    if (fclose(f) != 0 || failed) {
        fprintf(stderr, "ERROR: cannot write %s\n", path);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    network_t net;
    int i;

    if (argc != 2) {
        fprintf(stderr, "usage: %s OUTPUT_DIR\n", argv[0]);
        return 2;
    }
    network_init(&net);
    for (i = 0; i < N_ITEMS(outputs); i++)
        if (write_output(argv[1], i, &net) != 0)
            return 1;
    return 0;
}
