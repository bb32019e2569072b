import ParityModel
import Testing
import Reconciliation

@Suite("Credentials masked in catalog text")
struct SecretMaskTests {
    @Test("key=value and key := value: password, passwd, pwd, PGPASSWORD, --password, secret, token, api_key, AWS keys", arguments: [
        ("host=h password=s3cret dbname=d", "host=h password=*** dbname=d"),
        ("PASSWORD = 'two words' user=u", "PASSWORD = '***' user=u"),
        ("dblink_connect('host=h password=''s3cret'' dbname=d')", "dblink_connect('host=h password=''***'' dbname=d')"),
        ("mysqldump --password=\"s3 cret\" db", "mysqldump --password=\"***\" db"),
        ("PGPASSWORD=s3cret pg_dump -h h db", "PGPASSWORD=*** pg_dump -h h db"),
        ("Passwd=s3cret;Pwd=s3cret", "Passwd=***;Pwd=***"),
        ("v_password := 's3cret';", "v_password := '***';"),
        ("IF new.password = '' THEN", "IF new.password = '***' THEN"),
        ("aws_secret_access_key=AbC/s3cret+x aws_access_key_id=AKIA1", "aws_secret_access_key=*** aws_access_key_id=AKIA1"),
        ("https://api.example.com/v1?api_key=s3cret&access_token=s3cret&page=2",
         "https://api.example.com/v1?api_key=***&access_token=***&page=2"),
        ("client_secret=s3cret secret=s3cret X-API-KEY=s3cret", "client_secret=*** secret=*** X-API-KEY=***"),
        ("PERFORM http_post(u, '{\"token\": \"s3cret\", \"n\": 1}')", "PERFORM http_post(u, '{\"token\": \"***\", \"n\": 1}')"),
    ])
    func keyValue(text: String, expected: String) {
        #expect(SecretMask.masked(text) == expected)
    }

    @Test("SQL PASSWORD literals, curl -u, URL user info, Authorization headers, mysql -pSECRET", arguments: [
        ("ALTER ROLE app PASSWORD 's3cret'", "ALTER ROLE app PASSWORD '***'"),
        ("EXECUTE 'CREATE USER MAPPING FOR u SERVER s OPTIONS (user ''a'', password ''s3cret'')'",
         "EXECUTE 'CREATE USER MAPPING FOR u SERVER s OPTIONS (user ''a'', password ''***'')'"),
        ("COPY t TO PROGRAM ''curl -u admin:s3cret https://x''", "COPY t TO PROGRAM ''curl -u admin:*** https://x''"),
        ("curl -uadmin:s3cret -T f x", "curl -uadmin:*** -T f x"),
        ("curl --user 'ops@example.com:s3cret' x", "curl --user 'ops@example.com:***' x"),
        ("postgres://admin:s3cret@db:5432/x", "postgres://admin:***@db:5432/x"),
        ("wget https://admin:s3cret@files.example.com/a.csv", "wget https://admin:***@files.example.com/a.csv"),
        ("curl -H 'Authorization: Bearer eyJ.s3cret' x", "curl -H 'Authorization: Bearer ***' x"),
        ("authorization:basic YWRtaW46czNjcmV0", "authorization:basic ***"),
        ("mysql -h db -P 3306 -uroot -ps3cret sales < dump.sql", "mysql -h db -P 3306 -uroot -p*** sales < dump.sql"),
    ])
    func commandsAndURLs(text: String, expected: String) {
        #expect(SecretMask.masked(text) == expected)
    }

    @Test("texts that only look like credentials stay readable", arguments: [
        "SELECT password FROM users WHERE id = 1",
        "sort -u /tmp/names.txt",
        "curl -u admin https://x",
        "psql -p 5432 -h db -c 'SELECT 1'",
        "pg_dump -p5432 -U app db",
        "host=db password_file=/etc/pw passfile=/etc/pgpass dbname=d",
        "max_tokens=5 keyboard=us",
        "https://example.com:8443/path?a=1",
        "INSERT INTO audit.trail VALUES (now(), 'key rotated')",
    ])
    func readable(text: String) {
        #expect(SecretMask.masked(text) == text)
    }

    @Test("masking masked text changes nothing; every detail text and list item is masked as it is made")
    func idempotentAndDetails() {
        let text = "curl -u admin:s3cret https://a:b@x -H 'Authorization: Bearer t' && mysql -ps3cret; password='x' token=y"
        let once = SecretMask.masked(text)
        #expect(!once.contains("s3cret"))
        #expect(SecretMask.masked(once) == once)
        let detail = InventoryDetail.text("command", "PGPASSWORD=s3cret psql")
        #expect(detail.value == .text("PGPASSWORD=*** psql"))
        let list = InventoryDetail.list("dynamic_sql", ["EXECUTE 'SELECT 1'", "EXECUTE 'COPY t TO PROGRAM ''curl -u a:s3cret x'''"])
        #expect(list.value == .list(["EXECUTE 'SELECT 1'", "EXECUTE 'COPY t TO PROGRAM ''curl -u a:*** x'''"]))
    }

    @Test("a changed password leaves the masked details equal but changes the body hash: the inventory still reports the change")
    func passwordChangeIsAChange() {
        let trigger = { (password: String) in
            let body = "BEGIN EXECUTE 'COPY t TO PROGRAM ''curl -u admin:\(password) https://x'''; RETURN NULL; END"
            let graph = FunctionGraph(functions: [FunctionSource(schema: "public", name: "ship", language: "plpgsql", body: body)])
            return TriggerFacts(name: "ship", table: "public.t", type: TriggerType(bits: 4), enabled: .enabled,
                                function: "public.ship", reach: graph.reach(from: "public.ship"))
        }
        let before = Inventory(source: .legacy, items: [], triggers: [trigger("s3cret")])
        let after = Inventory(source: .legacy, items: [], triggers: [trigger("n3w-s3cret")])
        let masked = after.items[0].detail("dynamic_sql")
        #expect(masked == .list(["EXECUTE 'COPY t TO PROGRAM ''curl -u admin:*** https://x'''"]))
        #expect(before.items[0].details == after.items[0].details)
        let changes = InventoryChanges(from: before, to: after)
        #expect(changes.changed.map(\.bodyChanged) == [true])
        #expect(changes.changed.map(\.changedDetails) == [[]])
    }
}
