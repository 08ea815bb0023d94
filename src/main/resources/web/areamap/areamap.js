// 区域分布: the city's districts or streets, drawn from the boundaries the service serves (no online tiles), coloured by
// the period's requests or the open hotspots embedded in the page.
import * as echarts from 'echarts';
(function () {
  'use strict';
  const view = JSON.parse(document.getElementById('map-data').textContent);
  const box = document.getElementById('map');
  const measure = box.dataset.measure;
  const level = view.level.toLowerCase();

  fetch('/supervisor/map/boundaries', { credentials: 'same-origin' })
    .then(response => response.json())
    .then(boundaries => {
      // streets of different districts may share a name: a street's region is named with its district
      const regionName = properties => level === 'street' ? properties.district + properties.name : properties.name;
      const features = boundaries.features
        .filter(feature => feature.properties.level === level)
        .map(feature => ({ ...feature, properties: { ...feature.properties, name: regionName(feature.properties) } }));
      echarts.registerMap('city-' + level, { type: 'FeatureCollection', features });
      const shortNames = Object.fromEntries(features.map(f => [f.properties.name, level === 'street'
        ? f.properties.name.slice(f.properties.district.length) : f.properties.name]));
      const data = view.areas.map(area => ({
        name: level === 'street' ? area.district + area.street : area.district,
        value: measure === 'hotspots' ? area.openHotspots : area.requests
      }));
      const chart = echarts.init(box);
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'item', formatter: item => item.name + '：' + (item.value || 0) + (measure === 'hotspots' ? ' 个热点' : ' 件') },
        visualMap: {
          min: 0,
          max: Math.max(1, ...data.map(d => d.value)),
          text: [measure === 'hotspots' ? '热点多' : '诉求多', '少'],
          inRange: { color: measure === 'hotspots' ? ['#fff5eb', '#d94801'] : ['#eff3ff', '#08519c'] },
          calculable: true,
          left: 8,
          bottom: 8
        },
        series: [{ type: 'map', map: 'city-' + level, roam: false, aspectScale: 1, top: 16, bottom: 16, left: 100, right: 16, label: { show: true, fontSize: level === 'street' ? 10 : 12, formatter: p => shortNames[p.name] || p.name }, data }]
      });
      // what the tests and people check: the regions drawn and the values they carry
      box.dataset.regions = String(features.length);
      box.dataset.drawn = JSON.stringify(data);
      window.addEventListener('resize', () => chart.resize());
    });
})();
