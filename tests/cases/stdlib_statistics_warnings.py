# statistics (averages, spread, quantiles, regression, NormalDist, errors) and warnings (catch_warnings,
# filters, 'error' action, stacklevel, the default stderr report).
import statistics, warnings
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.median(data), statistics.mode(data), statistics.pstdev(data))
print(statistics.stdev(data), statistics.variance(data), statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]))
print(statistics.harmonic_mean([40, 60]), statistics.geometric_mean([54, 24, 36]), statistics.quantiles(range(1, 11), n=4))
print(statistics.fmean([1.5, 2.5]), statistics.multimode("aabbbcc"), statistics.correlation([1, 2, 3], [2, 4, 7]))
print(statistics.linear_regression([1, 2, 3, 4], [2, 4, 5, 8]))
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print("StatisticsError:", e)
nd = statistics.NormalDist(100, 15)
print(round(nd.cdf(130), 6), round(nd.inv_cdf(0.975), 4), nd)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("old api", DeprecationWarning)
    warnings.warn("careful")
    print([(w.category.__name__, str(w.message)) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised:", e)
warnings.filterwarnings("ignore", message="quiet")
warnings.warn("quiet please")
def old():
    warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)
old()
warnings.warn("shown on stderr")
