/*
 * The chaoswatch page: polls /chaoswatch/api/ and draws with ECharts. Every string from a record reaches the DOM
 * through textContent or escapeHtml (ECharts tooltips are HTML), never as markup.
 */
(function () {
    'use strict';

    const POLL_MS = 2000;
    const UNIT_SYMBOL = {NATS_PER_STEP: 'nats/step', BITS_PER_STEP: 'bits/step'};
    const REGIME_ORDER = ['DIVERGED', 'EXPLODING', 'CHAOTIC', 'VANISHING', 'EDGE', 'ORDERED'];

    const $ = id => document.getElementById(id);
    const state = {session: null, worker: null, layer: null, reports: [], after: 0, scores: [], scoreAfter: 0,
        alerts: null, timer: null, loop: 0, generation: 0, sessionList: [], storageErrors: []};
    const charts = {};

    function escapeHtml(s) {
        return String(s).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;',
            "'": '&#39;'})[c]);
    }

    /** Non-finite doubles arrive as the strings "NaN", "Infinity", "-Infinity". */
    function num(v) {
        return typeof v === 'number' ? v : Number(v);
    }

    function fmt(v) {
        const x = num(v);
        return Number.isFinite(x) ? x.toFixed(4) : String(x);
    }

    function element(tag, className, text) {
        const e = document.createElement(tag);
        if (className) {
            e.className = className;
        }
        if (text !== undefined) {
            e.textContent = text;
        }
        return e;
    }

    async function getJson(endpoint, params) {
        const query = new URLSearchParams(params || {}).toString();
        const response = await fetch('/chaoswatch/api/' + endpoint + (query ? '?' + query : ''), {cache: 'no-store'});
        const body = await response.json().catch(() => ({error: 'HTTP ' + response.status}));
        if (!response.ok) {
            throw new Error(body.error || 'HTTP ' + response.status);
        }
        return body;
    }

    function showError(message) {
        const banner = $('error-banner');
        banner.textContent = message || '';
        banner.hidden = !message;
    }

    function fillSelect(select, values, chosen) {
        select.replaceChildren(...values.map(v => {
            const option = element('option', null, v);
            option.value = v;
            return option;
        }));
        if (values.includes(chosen)) {
            select.value = chosen;
        }
        return select.value || null;
    }

    // ---- data ----------------------------------------------------------------------------------------------

    async function loadSessions() {
        const body = await getJson('sessions');
        state.storageErrors = body.errors;
        state.sessionList = body.sessions;
        const wanted = new URLSearchParams(location.search);
        const session = fillSelect($('session-select'), body.sessions.map(s => s.id),
            state.session || wanted.get('session'));
        chooseSession(session, state.worker || wanted.get('worker'));
    }

    function chooseSession(session, worker) {
        const entry = state.sessionList.find(s => s.id === session);
        const chosenWorker = fillSelect($('worker-select'), entry ? entry.workers.map(w => w.id) : [], worker);
        if (session !== state.session || chosenWorker !== state.worker) {
            Object.assign(state, {session: session, worker: chosenWorker, reports: [], after: 0, scores: [],
                scoreAfter: 0, alerts: null, generation: state.generation + 1});
            $('info-text').textContent = '';
            if (session && chosenWorker) {
                loadInfo();
            }
        }
    }

    async function loadInfo() {
        try {
            const info = await getJson('info', {session: state.session, worker: state.worker});
            $('info-text').textContent = info.modelClass + ' · chaoswatch ' + info.version + '\n'
                + info.listenerSettings + '\n\n' + info.modelSummary;
        } catch (e) {
            $('info-text').textContent = e.message;
        }
    }

    async function poll() {
        try {
            await loadSessions();
            const generation = state.generation;
            if (state.session && state.worker) {
                const params = {session: state.session, worker: state.worker};
                // Only what is new: reports and scores after the last stored record seen, alerts when reports came.
                const [reports, scores] = await Promise.all([
                    getJson('reports', Object.assign({after: state.after}, params)),
                    getJson('scores', Object.assign({after: state.scoreAfter}, params))]);
                const alerts = reports.reports.length || !state.alerts ? await getJson('alerts', params) : state.alerts;
                if (generation !== state.generation) {
                    return; // the selection changed while the requests were out
                }
                for (const item of reports.reports) {
                    state.reports.push(item);
                    state.after = Math.max(state.after, item.report.timestampMillis);
                }
                state.scores.push(...scores.scores);
                state.scoreAfter = scores.lastTimestamp;
                state.alerts = alerts;
                state.statsWorker = scores.statsWorker;
                render();
            }
            showError(state.storageErrors.length
                ? 'Some attached storages could not be read: ' + state.storageErrors.join('; ') : null);
            $('refresh-status').textContent = 'updated ' + new Date().toLocaleTimeString() + ' · '
                + state.reports.length + ' reports';
        } catch (e) {
            showError('chaoswatch could not load its data: ' + e.message);
        }
    }

    // ---- rendering -----------------------------------------------------------------------------------------

    function okReports() {
        return state.reports.filter(r => r.report.status === 'OK' && r.report.layers.length);
    }

    function layerNames(reports) {
        const names = [];
        reports.forEach(r => r.report.layers.forEach(l => names.includes(l.name) || names.push(l.name)));
        return names;
    }

    function unitOf(reports) {
        return reports.length ? reports[0].report.layers[0].unit : 'NATS_PER_STEP';
    }

    function toUnit(nats, unit) {
        return unit === 'BITS_PER_STEP' ? nats / Math.LN2 : nats;
    }

    function chart(id) {
        if (!charts[id]) {
            charts[id] = echarts.init($(id));
            window.addEventListener('resize', () => charts[id].resize());
        }
        return charts[id];
    }

    function axisTooltip(valueLabel) {
        return {
            trigger: 'axis',
            formatter: params => params.map(p => escapeHtml(p.seriesName) + ': ' + fmt(p.value[1]) + ' '
                + escapeHtml(valueLabel) + ' (iteration ' + p.value[0] + ')').join('<br>')
        };
    }

    function render() {
        const reports = okReports();
        const names = layerNames(reports);
        state.layer = fillSelect($('layer-select'), names, state.layer);
        renderBanner();
        renderLambda(reports, names);
        renderScores();
        const selected = reports.map(r => ({iteration: r.report.iteration,
            layer: r.report.layers.find(l => l.name === state.layer)})).filter(r => r.layer);
        renderHeatmap(selected);
        renderSpectrum(selected);
        renderDimension(selected);
        document.body.dataset.ready = 'true';
    }

    function renderBanner() {
        const badges = $('regime-badges');
        const alerts = state.alerts;
        const latest = state.reports[state.reports.length - 1];
        badges.replaceChildren();
        if (!latest) {
            badges.textContent = 'Waiting for the first chaoswatch report…';
        } else {
            badges.append(element('span', 'cw-muted', 'Regimes at iteration ' + latest.report.iteration + ':'));
            const held = alerts ? alerts.held : {};
            for (const layer of Object.keys(held)) {
                const regimes = REGIME_ORDER.filter(r => held[layer].includes(r));
                const group = element('span');
                group.append(element('span', 'cw-layer', layer));
                (regimes.length ? regimes : ['NONE']).forEach(r => group.append(element('span',
                    'cw-badge cw-badge-' + r, r === 'NONE' ? 'settling' : r)));
                badges.append(group);
            }
            if (latest.report.status !== 'OK') {
                badges.append(element('span', 'cw-badge cw-badge-DIVERGED', latest.report.status + ': '
                    + latest.report.message));
            }
        }
        const list = $('alert-list');
        list.replaceChildren(...(alerts ? alerts.active : []).map(a => {
            const item = element('li');
            item.append(element('span', 'cw-badge cw-badge-' + a.regime, a.regime), ' ',
                element('span', null, a.message));
            return item;
        }));
    }

    function renderLambda(reports, names) {
        const unit = unitOf(reports);
        const alerts = state.alerts || {};
        const epsilon = toUnit(num(alerts.epsilonNats || 0.01), unit);
        const horizon = reports.length ? reports[0].report.layers[0].horizonSteps : 0;
        const explode = horizon > 0 ? toUnit(Math.log(num(alerts.toleranceFactor || 10)) / horizon, unit) : null;
        const lines = [{yAxis: 0, lineStyle: {type: 'solid', color: '#333'}, label: {formatter: '0'}},
            {yAxis: epsilon, lineStyle: {type: 'dashed', color: '#2e7d32'}, label: {formatter: '+ε'}},
            {yAxis: -epsilon, lineStyle: {type: 'dashed', color: '#2e7d32'}, label: {formatter: '−ε'}}];
        if (explode !== null) {
            lines.push({yAxis: explode, lineStyle: {type: 'dotted', color: '#c62828'},
                label: {formatter: 'exploding (×K over ' + horizon + ' steps)'}});
            lines.push({yAxis: -explode, lineStyle: {type: 'dotted', color: '#ef6c00'},
                label: {formatter: 'vanishing (÷K)'}});
        }
        let points = 0;
        const series = names.map((name, i) => {
            // −∞ (a saturated layer: every perturbation dies at once) cannot be drawn; the banner says ORDERED
            const data = reports.flatMap(r => r.report.layers.filter(l => l.name === name)
                .map(l => [r.report.iteration, num(l.exponents[0])])).filter(p => Number.isFinite(p[1]));
            points += data.length;
            return {name: name, type: 'line', showSymbol: data.length < 80, data: data,
                markLine: i === 0 ? {silent: true, symbol: 'none', data: lines} : undefined};
        });
        chart('lambda-chart').setOption({
            animation: false,
            legend: {type: 'scroll', top: 0},
            tooltip: axisTooltip(UNIT_SYMBOL[unit]),
            grid: {left: 70, right: 190, top: 40, bottom: 45},
            xAxis: {type: 'value', name: 'iteration', nameLocation: 'middle', nameGap: 28, scale: true},
            yAxis: {type: 'value', name: 'λ₁ (' + UNIT_SYMBOL[unit] + ')', nameLocation: 'middle', nameGap: 50},
            series: series
        }, true);
        $('lambda-chart').dataset.points = String(points);
        $('lambda-chart').dataset.series = String(series.length);
    }

    function renderScores() {
        const hint = $('score-hint');
        hint.textContent = state.scores.length ? 'StatsListener worker ' + state.statsWorker
            : 'No DL4J StatsListener records in this session. Give the ChaosListener the StatsListener\'s'
            + ' session: new ChaosListener.Builder().sameSessionAs(statsListener)';
        chart('score-chart').setOption({
            animation: false,
            tooltip: axisTooltip(''),
            grid: {left: 70, right: 30, top: 20, bottom: 45},
            xAxis: {type: 'value', name: 'iteration', nameLocation: 'middle', nameGap: 28, scale: true},
            yAxis: {type: 'value', name: 'score (loss)', nameLocation: 'middle', nameGap: 50, scale: true},
            series: [{name: 'score', type: 'line', showSymbol: false, data: state.scores}]
        }, true);
    }

    function renderHeatmap(selected) {
        const unit = selected.length ? selected[0].layer.unit : 'NATS_PER_STEP';
        const k = selected.reduce((m, r) => Math.max(m, r.layer.exponents.length), 0);
        const data = [];
        let bound = 1e-6;
        selected.forEach((r, x) => r.layer.exponents.forEach((v, y) => {
            const value = num(v);
            if (Number.isFinite(value)) {
                bound = Math.max(bound, Math.abs(value));
                data.push([x, y, value]);
            }
        }));
        chart('heatmap-chart').setOption({
            animation: false,
            tooltip: {formatter: p => 'iteration ' + escapeHtml(selected[p.value[0]].iteration) + ', λ'
                    + (p.value[1] + 1) + ' = ' + fmt(p.value[2]) + ' ' + UNIT_SYMBOL[unit]},
            grid: {left: 60, right: 90, top: 20, bottom: 45},
            xAxis: {type: 'category', name: 'iteration', nameLocation: 'middle', nameGap: 28,
                data: selected.map(r => String(r.iteration))},
            yAxis: {type: 'category', name: 'exponent index i', nameLocation: 'middle', nameGap: 40,
                data: Array.from({length: k}, (_, i) => String(i + 1))},
            visualMap: {min: -bound, max: bound, precision: 3, calculable: true, orient: 'vertical', right: 5, top: 'middle',
                text: ['λ > 0', 'λ < 0'], inRange: {color: ['#1565c0', '#f5f5f5', '#c62828']}},
            series: [{type: 'heatmap', data: data}]
        }, true);
    }

    function renderSpectrum(selected) {
        const last = selected[selected.length - 1];
        const unit = last ? last.layer.unit : 'NATS_PER_STEP';
        const data = last ? last.layer.exponents.map((v, i) => [i + 1, num(v)]).filter(p => Number.isFinite(p[1]))
            : [];
        chart('spectrum-chart').setOption({
            animation: false,
            title: {text: last ? 'iteration ' + last.iteration : '', right: 10, textStyle: {fontSize: 12}},
            tooltip: {trigger: 'axis', formatter: params => params.map(p => 'λ' + p.value[0] + ' = '
                    + fmt(p.value[1]) + ' ' + UNIT_SYMBOL[unit]).join('<br>')},
            grid: {left: 70, right: 30, top: 30, bottom: 45},
            xAxis: {type: 'value', name: 'exponent index i', nameLocation: 'middle', nameGap: 28, minInterval: 1},
            yAxis: {type: 'value', name: 'λᵢ (' + UNIT_SYMBOL[unit] + ')', nameLocation: 'middle', nameGap: 50},
            series: [{name: 'λ', type: 'line', data: data, markLine: {silent: true, symbol: 'none',
                    data: [{yAxis: 0}], lineStyle: {color: '#333'}}}]
        }, true);
    }

    function renderDimension(selected) {
        const unit = selected.length ? selected[0].layer.unit : 'NATS_PER_STEP';
        chart('dimension-chart').setOption({
            animation: false,
            legend: {top: 0},
            tooltip: {trigger: 'axis', formatter: params => params.map(p => escapeHtml(p.seriesName) + ': '
                    + fmt(p.value[1])).join('<br>') + '<br>iteration ' + (params.length ? params[0].value[0] : '')},
            grid: {left: 60, right: 70, top: 35, bottom: 45},
            xAxis: {type: 'value', name: 'iteration', nameLocation: 'middle', nameGap: 28, scale: true},
            yAxis: [{type: 'value', name: 'D_KY (dimensions)', nameLocation: 'middle', nameGap: 40},
                {type: 'value', name: 'Σλ⁺ (' + UNIT_SYMBOL[unit] + ')', nameLocation: 'middle', nameGap: 50}],
            series: [
                {name: 'Kaplan–Yorke dimension', type: 'line', showSymbol: false,
                    data: selected.map(r => [r.iteration, num(r.layer.kaplanYorke.value)])},
                {name: 'entropy bound Σλ⁺', type: 'line', yAxisIndex: 1, showSymbol: false,
                    data: selected.map(r => [r.iteration, num(r.layer.entropyBound)])}]
        }, true);
    }

    // ---- wiring --------------------------------------------------------------------------------------------

    /** One polling loop at a time: a loop replaced by a newer one stops at its next turn. */
    function restart() {
        clearTimeout(state.timer);
        const loop = ++state.loop;
        const tick = async () => {
            await poll();
            if (loop === state.loop) {
                state.timer = setTimeout(tick, POLL_MS);
            }
        };
        tick();
    }

    document.addEventListener('DOMContentLoaded', () => {
        $('session-select').addEventListener('change', e => {
            chooseSession(e.target.value, null);
            restart();
        });
        $('worker-select').addEventListener('change', e => {
            chooseSession(state.session, e.target.value);
            restart();
        });
        $('layer-select').addEventListener('change', e => {
            state.layer = e.target.value;
            render();
        });
        restart();
    });
})();
