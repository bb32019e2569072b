/// The monthly close page's body; tables and charts come in rendered (from the `table` template and ``DriftChart``).
enum MonthlyTemplate {
    static let text = """
        <h1>{{title}}</h1>
        <p class="meta">Generated {{generatedLocal}} ({{generatedUTC}}). Amounts are exact; difference = new − legacy = bridge (explained by findings) + unexplained.</p>
        {{{summary}}}
        {{#aggregates}}
        <section class="aggregate">
        <h2>{{name}}</h2>
        <p class="meta">{{description}}</p>
        {{#charts}}
        <figure>{{#caption}}<figcaption>{{caption}}</figcaption>{{/caption}}{{{svg}}}</figure>
        {{/charts}}
        {{{groups}}}
        </section>
        {{/aggregates}}
        <h2>Unexplained open differences on rows dated in the month</h2>
        {{{openDifferences}}}
        <h2>Rounding modes</h2>
        {{{rounding}}}
        <h2>Finding categories</h2>
        {{{categories}}}
        <h2>Cycles</h2>
        {{^cycles}}<p class="none">none</p>{{/cycles}}{{#cyclesSummary}}<p>{{cyclesSummary}}</p>
        <ul class="cycles">{{#cycles}}<li class="{{status}}">{{label}}<br><small>{{status}}</small></li>{{/cycles}}</ul>{{/cyclesSummary}}
        <section class="signoff"><h2>Sign-off — monthly close {{month}}</h2><p class="meta">{{signOffSummary}}</p>\
        {{#signatures}}<div class="sign"><span class="role">{{role}}</span><span class="line">{{name}}</span>\
        <span class="role">date</span><span class="line">{{date}}</span></div>{{/signatures}}</section>
        """
}
