package ringtool.core.payload.ic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ringtool.core.payload.ic.IcFixtures.decode;
import static ringtool.core.payload.ic.IcFixtures.none;
import static ringtool.core.payload.ic.IcFixtures.only;
import static ringtool.core.payload.ic.IcFixtures.padded;

import org.junit.jupiter.api.Test;
import ringtool.core.payload.Decoding;
import ringtool.core.rules.Finding;

class KvpTest {

    /** ICMSG_HDR + hv_kvp_hdr + hv_kvp_msg_set (or _get). */
    static final int SET_SIZE = 2604;
    static final int ENUM_SIZE = 2608;

    @Test
    void aSetShowsItsKeyAndStringValueAsText() {
        Decoding d = decode(padded("""
                01 00 00 00 24 0a 00 00  03 00 00 00 02 00 03 00   |....$...........| pipe 1/2596; icverframe 3.0; icmsgtype 2 (KVPEXCHANGE)
                00 00 10 0a 00 00 00 00  00 03 00 00 01 00 00 00   |................| icvermsg 3.0; icmsgsize 2576; status 0x0; icflags 3; KVP_OP_SET, KVP_POOL_EXTERNAL
                01 00 00 00 08 00 00 00  10 00 00 00 46 00 6f 00   |............F.o.| REG_SZ, key_size 8, value_size 16; key "Foo"
                6f 00 00 00                                        |o...|
                """, SET_SIZE, 556, """
                42 00 61 00 72 00 20 00  62 00 61 00 7a 00 00 00   |B.a.r. .b.a.z...| at 556: value "Bar baz"
                """));
        none(d);
        assertEquals("ICMSGTYPE_KVPEXCHANGE", d.decoded().message());
        assertEquals("ICMSGTYPE_KVPEXCHANGE request: KVP_OP_SET KVP_POOL_EXTERNAL \"Foo\" = \"Bar baz\"",
                d.decoded().info());
        assertEquals("1", d.field("hv_kvp_msg", "kvp_hdr", "operation"));
        assertEquals("Foo", d.field("hv_kvp_msg", "body", "kvp_set", "data", "key"));
        assertEquals("Bar baz", d.field("hv_kvp_msg", "body", "kvp_set", "data", "value"));
    }

    @Test
    void theGuestsEnumerateAnswerCarriesAKeyAndValue() {
        Decoding d = decode(padded("""
                01 00 00 00 28 0a 00 00  03 00 00 00 02 00 03 00   |....(...........| pipe 1/2600; icverframe 3.0; icmsgtype 2 (KVPEXCHANGE)
                00 00 14 0a 00 00 00 00  00 05 00 00 03 02 00 00   |................| icvermsg 3.0; icmsgsize 2580; status 0x0; icflags 5; KVP_OP_ENUMERATE, KVP_POOL_AUTO
                00 00 00 00 01 00 00 00  32 00 00 00 1c 00 00 00   |........2.......| index 0; REG_SZ, key_size 50, value_size 28
                46 00 75 00 6c 00 6c 00  79 00 51 00 75 00 61 00   |F.u.l.l.y.Q.u.a.| key from 48
                6c 00 69 00 66 00 69 00  65 00 64 00 44 00 6f 00   |l.i.f.i.e.d.D.o.|
                6d 00 61 00 69 00 6e 00  4e 00 61 00 6d 00 65 00   |m.a.i.n.N.a.m.e.|
                00 00                                              |..|
                """, ENUM_SIZE, 560, """
                67 00 75 00 65 00 73 00  74 00 2e 00 65 00 78 00   |g.u.e.s.t...e.x.| at 560: value "guest.example"
                61 00 6d 00 70 00 6c 00  65 00 00 00               |a.m.p.l.e...|
                """));
        none(d);
        assertEquals("ICMSGTYPE_KVPEXCHANGE response HV_S_OK: KVP_OP_ENUMERATE KVP_POOL_AUTO index 0"
                + " \"FullyQualifiedDomainName\" = \"guest.example\"", d.decoded().info());
        assertEquals("guest.example", d.field("hv_kvp_msg", "body", "kvp_enum_data", "data", "value"));
    }

    @Test
    void theHostsEnumerateRequestHasAnIndexAndNoKey() {
        Decoding d = decode(padded("""
                01 00 00 00 28 0a 00 00  03 00 00 00 02 00 03 00   |....(...........| pipe 1/2600; icverframe 3.0; icmsgtype 2 (KVPEXCHANGE)
                00 00 14 0a 00 00 00 00  00 03 00 00 03 02 00 00   |................| icvermsg 3.0; icmsgsize 2580; status 0x0; icflags 3; KVP_OP_ENUMERATE, KVP_POOL_AUTO
                03 00 00 00                                        |....| index 3
                """, ENUM_SIZE));
        none(d);
        assertEquals("ICMSGTYPE_KVPEXCHANGE request: KVP_OP_ENUMERATE KVP_POOL_AUTO index 3", d.decoded().info());
        assertEquals("", d.field("hv_kvp_msg", "body", "kvp_enum_data", "data", "key"));
    }

    @Test
    void aU32ValueIsANumber() {
        Decoding d = decode(padded("""
                01 00 00 00 24 0a 00 00  03 00 00 00 02 00 03 00   |....$...........| pipe 1/2596; icverframe 3.0; icmsgtype 2 (KVPEXCHANGE)
                00 00 10 0a 00 00 00 00  00 03 00 00 01 00 00 00   |................| icvermsg 3.0; icmsgsize 2576; status 0x0; icflags 3; KVP_OP_SET, KVP_POOL_EXTERNAL
                04 00 00 00 0c 00 00 00  04 00 00 00 43 00 6f 00   |............C.o.| REG_U32, key_size 12, value_size 4; key "Count"
                75 00 6e 00 74 00 00 00                            |u.n.t...|
                """, SET_SIZE, 556, """
                00 28 6b ee                                        |.(k.| at 556: value_u32 4000000000
                """));
        none(d);
        assertEquals("ICMSGTYPE_KVPEXCHANGE request: KVP_OP_SET KVP_POOL_EXTERNAL \"Count\" = 4000000000",
                d.decoded().info());
        assertEquals("4000000000", d.field("hv_kvp_msg", "body", "kvp_set", "data", "value_u32"));
    }

    @Test
    void aDeleteNamesItsKey() {
        Decoding d = decode(padded("""
                01 00 00 00 1c 02 00 00  03 00 00 00 02 00 03 00   |................| pipe 1/540; icverframe 3.0; icmsgtype 2 (KVPEXCHANGE)
                00 00 08 02 00 00 00 00  00 03 00 00 02 01 00 00   |................| icvermsg 3.0; icmsgsize 520; status 0x0; icflags 3; KVP_OP_DELETE, KVP_POOL_GUEST
                08 00 00 00 4f 00 6c 00  64 00 00 00               |....O.l.d...| key_size 8; key "Old"
                """, 548));
        none(d);
        assertEquals("ICMSGTYPE_KVPEXCHANGE request: KVP_OP_DELETE KVP_POOL_GUEST \"Old\"", d.decoded().info());
        assertEquals("8", d.field("hv_kvp_msg", "body", "kvp_delete", "key_size"));
    }

    @Test
    void anIpInfoAnswerShowsTheAdapterAndItsAddresses() {
        Decoding d = decode(padded("""
                01 00 00 00 1a 1d 00 00  03 00 00 00 02 00 03 00   |................| pipe 1/7450; icverframe 3.0; icmsgtype 2 (KVPEXCHANGE)
                00 00 06 1d 00 00 00 00  00 05 00 00 04 02 00 00   |................| icvermsg 3.0; icmsgsize 7430; status 0x0; icflags 5; KVP_OP_GET_IP_INFO, KVP_POOL_AUTO
                45 00 54 00 48 00 30 00                            |E.T.H.0.| adapter_id "ETH0"
                """, 7458, 288, """
                01 00 31 00 39 00 32 00  2e 00 30 00 2e 00 32 00   |..1.9.2...0...2.| at 288: addr_family 1, dhcp_enabled 0, ip_addr "192.0.2.10"
                2e 00 31 00 30 00                                  |..1.0.|
                """));
        none(d);
        assertEquals("ICMSGTYPE_KVPEXCHANGE response HV_S_OK: KVP_OP_GET_IP_INFO KVP_POOL_AUTO adapter \"ETH0\""
                + " ip_addr \"192.0.2.10\"", d.decoded().info());
        assertEquals("1", d.field("hv_kvp_msg", "body", "kvp_ip_val", "addr_family"));
        assertEquals("", d.field("hv_kvp_msg", "body", "kvp_ip_val", "dns_addr"));
    }

    @Test
    void anUnknownOperationIsAWarningAndHasNoBody() {
        Decoding d = decode("""
                01 00 00 00 18 00 00 00  03 00 00 00 02 00 03 00   |................| pipe 1/24; icverframe 3.0; icmsgtype 2 (KVPEXCHANGE)
                00 00 04 00 00 00 00 00  00 03 00 00 09 00 00 00   |................| icvermsg 3.0; icmsgsize 4; status 0x0; icflags 3; operation 9, KVP_POOL_EXTERNAL
                """);
        Finding f = only(d);
        assertEquals(IcRules.IC_KVP_OPERATION_UNKNOWN, f.rule());
        assertEquals("hv_kvp_hdr.operation: expected 0 to 5 (KVP_OP_GET to KVP_OP_SET_IP_INFO), got 9", f.message());
        assertEquals(28L, f.offset());
        assertEquals(1L, f.length());
        assertEquals("ICMSGTYPE_KVPEXCHANGE request: operation 9 KVP_POOL_EXTERNAL", d.decoded().info());
    }

    @Test
    void anUnknownPoolIsAWarning() {
        Finding f = only(decode(padded("""
                01 00 00 00 24 0a 00 00  03 00 00 00 02 00 03 00   |....$...........| pipe 1/2596; icverframe 3.0; icmsgtype 2 (KVPEXCHANGE)
                00 00 10 0a 00 00 00 00  00 03 00 00 00 07 00 00   |................| icvermsg 3.0; icmsgsize 2576; status 0x0; icflags 3; KVP_OP_GET, pool 7
                01 00 00 00 08 00 00 00  00 00 00 00 46 00 6f 00   |............F.o.| REG_SZ, key_size 8, value_size 0; key "Foo"
                6f 00 00 00                                        |o...|
                """, SET_SIZE)));
        assertEquals(IcRules.IC_KVP_POOL_UNKNOWN, f.rule());
        assertEquals("hv_kvp_hdr.pool: expected 0 to 4 (KVP_POOL_EXTERNAL to KVP_POOL_AUTO_INTERNAL), got 7",
                f.message());
        assertEquals(29L, f.offset());
    }

    @Test
    void aKeySizeAbove512IsAnErrorAndTheKeyStopsAtItsField() {
        Decoding d = decode(padded("""
                01 00 00 00 24 0a 00 00  03 00 00 00 02 00 03 00   |....$...........| pipe 1/2596; icverframe 3.0; icmsgtype 2 (KVPEXCHANGE)
                00 00 10 0a 00 00 00 00  00 03 00 00 01 00 00 00   |................| icvermsg 3.0; icmsgsize 2576; status 0x0; icflags 3; KVP_OP_SET, KVP_POOL_EXTERNAL
                01 00 00 00 00 00 01 00  04 00 00 00 46 00 6f 00   |............F.o.| REG_SZ, key_size 0x10000, value_size 4; key "Foo"
                6f 00 00 00                                        |o...|
                """, SET_SIZE));
        Finding f = only(d);
        assertEquals(IcRules.IC_KVP_KEY_SIZE_INVALID, f.rule());
        assertEquals("kvp_set.data.key_size: expected an even number up to 512 (HV_KVP_EXCHANGE_MAX_KEY_SIZE), got"
                + " 65536", f.message());
        assertEquals(36L, f.offset());
        assertEquals(4L, f.length());
        assertEquals("Foo", d.field("hv_kvp_msg", "body", "kvp_set", "data", "key"));
    }

    @Test
    void anOddKeySizeIsAnError() {
        Finding f = only(decode(padded("""
                01 00 00 00 24 0a 00 00  03 00 00 00 02 00 03 00   |....$...........| pipe 1/2596; icverframe 3.0; icmsgtype 2 (KVPEXCHANGE)
                00 00 10 0a 00 00 00 00  00 03 00 00 01 00 00 00   |................| icvermsg 3.0; icmsgsize 2576; status 0x0; icflags 3; KVP_OP_SET, KVP_POOL_EXTERNAL
                01 00 00 00 07 00 00 00  04 00 00 00 46 00 6f 00   |............F.o.| REG_SZ, key_size 7, value_size 4; key "Foo"
                6f 00 00 00                                        |o...|
                """, SET_SIZE)));
        assertEquals(IcRules.IC_KVP_KEY_SIZE_INVALID, f.rule());
        assertEquals("kvp_set.data.key_size: expected an even number up to 512 (HV_KVP_EXCHANGE_MAX_KEY_SIZE), got"
                + " 7", f.message());
    }

    @Test
    void aValueSizeAbove2048IsAnError() {
        Finding f = only(decode(padded("""
                01 00 00 00 24 0a 00 00  03 00 00 00 02 00 03 00   |....$...........| pipe 1/2596; icverframe 3.0; icmsgtype 2 (KVPEXCHANGE)
                00 00 10 0a 00 00 00 00  00 03 00 00 01 00 00 00   |................| icvermsg 3.0; icmsgsize 2576; status 0x0; icflags 3; KVP_OP_SET, KVP_POOL_EXTERNAL
                01 00 00 00 08 00 00 00  00 10 00 00 46 00 6f 00   |............F.o.| REG_SZ, key_size 8, value_size 4096; key "Foo"
                6f 00 00 00                                        |o...|
                """, SET_SIZE)));
        assertEquals(IcRules.IC_KVP_VALUE_SIZE_INVALID, f.rule());
        assertEquals("kvp_set.data.value_size: expected an even number up to 2048 (HV_KVP_EXCHANGE_MAX_VALUE_SIZE),"
                + " got 4096", f.message());
        assertEquals(40L, f.offset());
    }

    @Test
    void aSetOfAnUnknownValueTypeIsAWarning() {
        Decoding d = decode(padded("""
                01 00 00 00 24 0a 00 00  03 00 00 00 02 00 03 00   |....$...........| pipe 1/2596; icverframe 3.0; icmsgtype 2 (KVPEXCHANGE)
                00 00 10 0a 00 00 00 00  00 03 00 00 01 00 00 00   |................| icvermsg 3.0; icmsgsize 2576; status 0x0; icflags 3; KVP_OP_SET, KVP_POOL_EXTERNAL
                03 00 00 00 08 00 00 00  04 00 00 00 46 00 6f 00   |............F.o.| value_type 3, key_size 8, value_size 4; key "Foo"
                6f 00 00 00                                        |o...|
                """, SET_SIZE));
        Finding f = only(d);
        assertEquals(IcRules.IC_KVP_VALUE_TYPE_UNKNOWN, f.rule());
        assertEquals("kvp_set.data.value_type: expected REG_SZ (1), REG_U32 (4) or REG_U64 (8), got 3", f.message());
        assertEquals(32L, f.offset());
        assertEquals("ICMSGTYPE_KVPEXCHANGE request: KVP_OP_SET KVP_POOL_EXTERNAL \"Foo\"", d.decoded().info());
    }

    @Test
    void aKeyWithoutNulWithinItsSizeIsUnterminatedAndReadNoFurther() {
        Decoding d = decode(padded("""
                01 00 00 00 24 0a 00 00  03 00 00 00 02 00 03 00   |....$...........| pipe 1/2596; icverframe 3.0; icmsgtype 2 (KVPEXCHANGE)
                00 00 10 0a 00 00 00 00  00 03 00 00 01 00 00 00   |................| icvermsg 3.0; icmsgsize 2576; status 0x0; icflags 3; KVP_OP_SET, KVP_POOL_EXTERNAL
                01 00 00 00 06 00 00 00  04 00 00 00 46 00 6f 00   |............F.o.| REG_SZ, key_size 6, value_size 4; key "Food", no NUL in 6 bytes
                6f 00 64 00                                        |o.d.|
                """, SET_SIZE));
        Finding f = only(d);
        assertEquals(IcRules.IC_STRING_UNTERMINATED, f.rule());
        assertEquals("kvp_set.data.key: no NUL within its 6 bytes", f.message());
        assertEquals(44L, f.offset());
        assertEquals(6L, f.length());
        assertEquals("Foo", d.field("hv_kvp_msg", "body", "kvp_set", "data", "key"));
    }

    @Test
    void aSetCutShortDoesNotFitAndDecodesWhatIsThere() {
        Decoding d = decode("""
                01 00 00 00 60 00 00 00  03 00 00 00 02 00 03 00   |....`...........| pipe 1/96; icverframe 3.0; icmsgtype 2 (KVPEXCHANGE)
                00 00 4c 00 00 00 00 00  00 03 00 00 01 00 00 00   |..L.............| icvermsg 3.0; icmsgsize 76; status 0x0; icflags 3; KVP_OP_SET, KVP_POOL_EXTERNAL
                01 00 00 00 08 00 00 00  04 00 00 00 46 00 6f 00   |............F.o.| REG_SZ, key_size 8, value_size 4; key "Foo"
                6f 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |o...............|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00                            |........|
                """);
        Finding f = only(d);
        assertEquals(IcRules.IC_MESSAGE_BEYOND_PACKET, f.rule());
        assertEquals("payload length of KVP_OP_SET: expected at least 2604 (ICMSG_HDR + sizeof(struct hv_kvp_hdr) +"
                + " sizeof(struct hv_kvp_msg_set)), got 104", f.message());
        assertEquals("ICMSGTYPE_KVPEXCHANGE request: KVP_OP_SET KVP_POOL_EXTERNAL \"Foo\"", d.decoded().info());
    }

    @Test
    void aPayloadCutInsideTheKvpHeaderIsOneFinding() {
        Decoding d = decode("""
                01 00 00 00 16 00 00 00  03 00 00 00 02 00 03 00   |................| pipe 1/22; icverframe 3.0; icmsgtype 2 (KVPEXCHANGE)
                00 00 02 00 00 00 00 00  00 03 00 00 01 00         |..............| icvermsg 3.0; icmsgsize 2; status 0x0; icflags 3; KVP_OP_SET, KVP_POOL_EXTERNAL, no pad
                """);
        Finding f = only(d);
        assertEquals(IcRules.IC_MESSAGE_BEYOND_PACKET, f.rule());
        assertEquals("payload length of ICMSGTYPE_KVPEXCHANGE: expected at least 32 (ICMSG_HDR + sizeof(struct"
                + " hv_kvp_hdr)), got 30", f.message());
        assertEquals("ICMSGTYPE_KVPEXCHANGE request", d.decoded().info());
    }

    @Test
    void aLoneSurrogateBecomesAReplacementCharacter() {
        Decoding d = decode(padded("""
                01 00 00 00 24 0a 00 00  03 00 00 00 02 00 03 00   |....$...........| pipe 1/2596; icverframe 3.0; icmsgtype 2 (KVPEXCHANGE)
                00 00 10 0a 00 00 00 00  00 03 00 00 01 00 00 00   |................| icvermsg 3.0; icmsgsize 2576; status 0x0; icflags 3; KVP_OP_SET, KVP_POOL_EXTERNAL
                01 00 00 00 06 00 00 00  04 00 00 00 41 00 00 d8   |............A...| REG_SZ, key_size 6, value_size 4; key "A", a lone 0xd800, NUL
                00 00                                              |..|
                """, SET_SIZE));
        none(d);
        assertEquals("A\uFFFD", d.field("hv_kvp_msg", "body", "kvp_set", "data", "key"));
    }
}
