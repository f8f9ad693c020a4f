/*
 * The C walker that bench/run holds ringtool's JSONL against: maps a single-ring dump (a 4096-byte header page,
 * then the data area), walks the packets from the read index to the write index and prints one JSONL packet
 * record per packet, byte for byte as `ringtool inspect --format jsonl` prints them (bench/run compares the two).
 * It checks only what it needs to stay in bounds: a walker of good rings, written the way a fast C tool writes
 * output (digits and field names copied into a large buffer, one write per megabyte), not a second ringtool.
 *
 * Its rings carry no protocol, so every record ends in "decoded":null.
 *
 *     cwalk FILE
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

enum { HEADER = 4096, BUF = 1 << 20 };

static char buf[BUF + 4096];
static size_t used;

static void drain(void) {
    size_t off = 0;
    while (off < used) {
        ssize_t n = write(1, buf + off, used - off);
        if (n <= 0) exit(1);
        off += (size_t) n;
    }
    used = 0;
}

static inline void lit(const char *s, size_t n) {
    memcpy(buf + used, s, n);
    used += n;
}
#define LIT(s) lit(s, sizeof(s) - 1)

static inline void u64(uint64_t v) {
    char tmp[20];
    int i = 20;
    do {
        tmp[--i] = (char) ('0' + v % 10);
        v /= 10;
    } while (v);
    lit(tmp + i, (size_t) (20 - i));
}

static const char *names[] = {
    "INVALID", "SYNCH", "ADD_XFER_PAGESET", "RM_XFER_PAGESET", "ESTABLISH_GPADL", "TEARDOWN_GPADL",
    "DATA_INBAND", "DATA_USING_XFER_PAGES", "DATA_USING_GPADL", "DATA_USING_GPA_DIRECT", "CANCEL_REQUEST",
    "COMP", "DATA_USING_ADDITIONAL_PKT", "ADDITIONAL_DATA",
};

static const uint8_t *data;
static uint64_t size;

/* A little-endian read that may wrap around the end of the data area. */
static inline uint64_t rd(uint64_t at, int n) {
    uint64_t v = 0;
    at %= size;
    if (at + (uint64_t) n <= size) {
        memcpy(&v, data + at, (size_t) n);
    } else {
        for (int i = 0; i < n; i++) v |= (uint64_t) data[(at + (uint64_t) i) % size] << (8 * i);
    }
    return v;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: cwalk FILE\n");
        return 2;
    }
    int fd = open(argv[1], O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || st.st_size <= HEADER) {
        perror(argv[1]);
        return 3;
    }
    const uint8_t *map = mmap(NULL, (size_t) st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) {
        perror("mmap");
        return 3;
    }
    uint32_t write_index, read_index;
    memcpy(&write_index, map, 4);
    memcpy(&read_index, map + 4, 4);
    data = map + HEADER;
    size = (uint64_t) st.st_size - HEADER;
    if (write_index >= size || read_index >= size || write_index % 8 || read_index % 8) {
        fprintf(stderr, "%s: indices out of range\n", argv[1]);
        return 3;
    }

    /* The per-ring prefix of every packet record, built once. */
    char prefix[8192];
    int plen = snprintf(prefix, sizeof prefix,
                        "{\"record\":\"packet\",\"schema\":\"ringtool/1\",\"source\":\"%s\",\"ring\":\"ring\",\"index\":",
                        argv[1]);
    if (plen <= 0 || (size_t) plen >= sizeof prefix) return 3;

    uint64_t off = read_index, index = 0;
    while (off != write_index) {
        uint64_t d0 = rd(off, 8);
        unsigned type = d0 & 0xffff, offset8 = (d0 >> 16) & 0xffff, len8 = (d0 >> 32) & 0xffff,
                 flags = (unsigned) (d0 >> 48);
        uint64_t tid = rd(off + 8, 8);
        uint64_t bytes = (uint64_t) len8 * 8;
        if (len8 < 2 || offset8 < 2 || offset8 > len8 || bytes + 8 > size) {
            fprintf(stderr, "%s: bad descriptor at %llu\n", argv[1], (unsigned long long) off);
            break;
        }
        uint64_t padded = bytes - (uint64_t) offset8 * 8;
        uint64_t last = rd(off + bytes - 8, 8);
        uint64_t zeros = last == 0 ? 7 : (uint64_t) __builtin_clzll(last) / 8;
        if (zeros > 7) zeros = 7;
        uint64_t payload = padded - (zeros < padded ? zeros : padded);
        uint64_t trailer = rd(off + bytes, 8);
        int wraps = off + bytes + 8 > size;

        lit(prefix, (size_t) plen);
        u64(index);
        LIT(",\"offset\":");
        u64(off);
        LIT(",\"file_offset\":");
        u64(off + HEADER);
        LIT(",\"type\":");
        u64(type);
        LIT(",\"type_name\":\"");
        const char *name = type < sizeof names / sizeof *names ? names[type] : "UNKNOWN";
        lit(name, strlen(name));
        LIT("\",\"offset8\":");
        u64(offset8);
        LIT(",\"len8\":");
        u64(len8);
        LIT(",\"flags\":");
        u64(flags);
        LIT(",\"transaction_id\":");
        u64(tid);
        LIT(",\"payload_offset\":");
        u64((uint64_t) offset8 * 8);
        LIT(",\"payload_length\":");
        u64(payload);
        LIT(",\"padded_length\":");
        u64(padded);
        LIT(",\"trailer\":");
        u64(trailer);
        if (wraps) {
            LIT(",\"wraps\":true");
        } else {
            LIT(",\"wraps\":false");
        }
        LIT(",\"decoded\":null");
        LIT("}\n");
        if (used >= BUF) drain();

        off = (off + bytes + 8) % size;
        index++;
    }
    drain();
    return 0;
}
