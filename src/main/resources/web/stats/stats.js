// 统计分析: draws the period's volumes with Apache ECharts from the figures embedded in the page.
import * as echarts from 'echarts';
(function () {
  'use strict';
  const report = JSON.parse(document.getElementById('stats-data').textContent);

  function lines(id, series) {
    const chart = echarts.init(document.getElementById(id));
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { top: 36, left: 40, right: 16, bottom: 24 },
      xAxis: { type: 'category', data: report.days.map(day => day.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.filter(s => s.counts.some(c => c > 0))
        .map(s => ({ name: s.name, type: 'line', stack: 'total', areaStyle: {}, data: s.counts }))
    });
    return chart;
  }

  const charts = [lines('chart-channel', report.byChannel), lines('chart-type', report.byRequestType)];
  const categories = echarts.init(document.getElementById('chart-category'));
  categories.setOption({
    animation: false,
    tooltip: {},
    grid: { top: 8, left: 90, right: 16, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: report.byCategory.map(c => c.name) },
    series: [{ type: 'bar', data: report.byCategory.map(c => c.count) }]
  });
  charts.push(categories);
  window.addEventListener('resize', () => charts.forEach(chart => chart.resize()));
  document.body.dataset.chartsDrawn = 'true';
})();
