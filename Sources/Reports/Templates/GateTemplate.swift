/// The gate page's body: the verdict, a row per criterion with its badge, evidence and details; the decisions table
/// comes in rendered (from the `table` template).
enum GateTemplate {
    static let text = """
        <h1>Parity decommission gate <span class="badge {{result}}">{{resultLabel}}</span></h1>
        <p class="meta">{{window}}; evaluated {{evaluatedAt}}{{#asOf}}, evidence as of {{asOf}}{{/asOf}}; config {{configHash}}; exit code {{exitCode}}</p>
        <table><thead><tr><th>result</th><th>criterion</th><th>evidence</th><th>see</th></tr></thead><tbody>
        {{#criteria}}<tr><td><span class="badge {{outcome}}">{{label}}</span></td><td><b>{{name}}</b></td><td>{{evidence}}\
        {{#hasDetails}}<ul>{{#details}}<li>{{.}}</li>{{/details}}</ul>{{/hasDetails}}</td><td><code>{{command}}</code></td></tr>
        {{/criteria}}</tbody></table>
        {{#contracts}}<p class="meta">Contracts: {{contracts}}</p>
        {{/contracts}}{{#decisions}}<h2>Decisions</h2>
        {{{decisions}}}
        {{/decisions}}{{#unreachable}}<p class="warn">Unreachable: {{unreachable}}</p>
        {{/unreachable}}
        """
}
