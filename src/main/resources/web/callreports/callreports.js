// 话务报表: draws the period's figures with Apache ECharts from the report embedded in the page.
import * as echarts from 'echarts';
(function () {
  'use strict';
  const report = JSON.parse(document.getElementById('report-data').textContent);
  const labels = {};
  document.querySelectorAll('#labels dt').forEach(dt => { labels[dt.textContent] = dt.nextElementSibling.textContent; });
  const figures = report.figures;
  const singleDay = report.from === report.to;
  const percent = share => share === null ? null : Math.round(share * 1000) / 10;

  function chart(id, option) {
    const drawn = echarts.init(document.getElementById(id));
    drawn.setOption(Object.assign({ animation: false, tooltip: { trigger: 'axis' } }, option));
    return drawn;
  }

  const intervals = figures.intervals;
  const charts = [
    chart('chart-intervals', {
      legend: { top: 0 },
      grid: { top: 36, left: 40, right: 48, bottom: 48 },
      dataZoom: [{ type: 'slider', height: 16, bottom: 4 }],
      xAxis: { type: 'category', data: intervals.map(row => singleDay ? row.key.slice(11) : row.key.slice(5)) },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
      series: [
        { name: '接通', type: 'bar', stack: 'calls', data: intervals.map(row => row.calls.answered) },
        { name: '放弃', type: 'bar', stack: 'calls', data: intervals.map(row => row.calls.abandoned) },
        { name: '短时放弃', type: 'bar', stack: 'calls', data: intervals.map(row => row.calls.shortAbandoned) },
        { name: report.answerTargetSeconds + ' 秒接通率', type: 'line', yAxisIndex: 1, connectNulls: true,
          data: intervals.map(row => percent(row.calls.serviceLevel)) }
      ]
    }),
    chart('chart-agents', {
      legend: { top: 0 },
      grid: { top: 36, left: 48, right: 48, bottom: 24 },
      xAxis: { type: 'category', data: figures.agents.map(row => row.key) },
      yAxis: [{ type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }, { type: 'value', name: '秒' }],
      series: [
        { name: '占用率', type: 'bar', data: figures.agents.map(row => percent(row.time.occupancy)) },
        { name: '平均处理时长', type: 'line', yAxisIndex: 1,
          data: figures.agents.map(row => row.calls.averageHandlingTime === null ? null : Math.round(row.calls.averageHandlingTime)) }
      ]
    }),
    chart('chart-pauses', {
      tooltip: { trigger: 'item', formatter: '{b}：{c} 秒（{d}%）' },
      series: [{ type: 'pie', radius: '65%',
        data: Object.entries(figures.total.time.pausedByReason).map(([name, value]) => ({ name, value })) }]
    }),
    chart('chart-ratings', {
      grid: { top: 8, left: 90, right: 16, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: Object.keys(figures.total.ratings.byLevel).map(level => labels[level] || level) },
      series: [{ type: 'bar', data: Object.values(figures.total.ratings.byLevel) }]
    })
  ];
  window.addEventListener('resize', () => charts.forEach(drawn => drawn.resize()));
  document.body.dataset.chartsDrawn = 'true';
})();
