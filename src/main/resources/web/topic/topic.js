// 每月一题: draws the topic's trend with Apache ECharts from the report embedded in the page (by day, or by week for
// a period longer than two months), and opens the browser's print dialog for the printable report.
import * as echarts from 'echarts';
(function () {
  'use strict';
  const report = JSON.parse(document.getElementById('topic-data').textContent);
  const spans = report.daily.length > 62 ? report.weekly : report.daily;
  const chart = echarts.init(document.getElementById('chart-trend'));
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { top: 16, left: 40, right: 16, bottom: 24 },
    xAxis: { type: 'category', data: spans.map(span => span.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: '工单', type: report.daily.length > 62 ? 'bar' : 'line', data: spans.map(span => span.count) }]
  });
  window.addEventListener('resize', () => chart.resize());
  window.addEventListener('beforeprint', () => chart.resize());
  document.getElementById('print-report').addEventListener('click', () => window.print());
  document.body.dataset.chartsDrawn = 'true';
})();
